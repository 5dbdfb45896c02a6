import { expect, it, vi } from 'vitest';

it('loads natural without dotenv printing anything', async () => {
  const log = vi.spyOn(console, 'log');
  const write = vi.spyOn(process.stdout, 'write');
  const { tokenize } = await import('../../activities/processing/tfidf');
  expect(tokenize('wedding planner')).toEqual(['wedding', 'planner']);
  const printed = [...log.mock.calls, ...write.mock.calls].map((call) => String(call[0]));
  expect(printed.filter((line) => line.includes('dotenv'))).toEqual([]);
});
