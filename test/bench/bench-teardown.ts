// How a benchmark script ends: everything it started is stopped in reverse order, whether main() returns or throws
// (then the exit code is 1), so no PostgreSQL, Temporal server or child process outlives the run.
const stops: (() => Promise<unknown>)[] = [];

/** Registers what stops something just started; stops run last-started first. */
export const onStop = (stop: () => Promise<unknown>) => void stops.push(stop);

async function stopAll(): Promise<void> {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
}

export function runBench(main: () => Promise<void>): void {
  main().then(stopAll, async (err: unknown) => {
    console.error('[bench] failed:', err);
    await stopAll();
    process.exit(1);
  });
}
