// Committed workflow histories for replay tests: recorded from real runs with RECORD_HISTORIES=1.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { WorkflowHandle } from '@temporalio/client';

const file = (name: string) => fileURLToPath(new URL(`../histories/${name}.json`, import.meta.url));

export async function recordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  await writeFile(file(name), historyToJSON(await handle.fetchHistory()));
}

export async function loadHistory(name: string) {
  return historyFromJSON(JSON.parse(await readFile(file(name), 'utf8')));
}
