// `npm run schedules:apply`: creates or updates the Temporal Schedules from the configuration, then exits.
// Against TEMPORAL_ADDRESS, or the dev server `npm start` runs on this machine.
import { Client, Connection } from '@temporalio/client';
import { loadDotEnv, loadConfig } from './config/config';
import { applySchedules, scheduleSettings } from './temporal/schedules';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const address = config.temporal.address ?? `127.0.0.1:${config.temporal.devPort}`;
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace: config.temporal.namespace });
    const applied = await applySchedules(client, scheduleSettings(config));
    console.log(`schedules on ${address}, namespace ${config.temporal.namespace}, time zone ${config.scheduleTimezone}:`);
    for (const { scheduleId, outcome } of applied) console.log(`  ${scheduleId.padEnd(18)} ${outcome}`);
  } finally {
    await connection.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
