// A promise that gives up after `ms`: the API never waits on Temporal or PostgreSQL without a bound.

/** `work`'s outcome, or a rejection `no answer in <ms> ms` once `ms` have passed; the timer never outlives it. */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
