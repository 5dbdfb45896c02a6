// Identical reads in flight at the same moment share one database query (no caching: each result is used
// only by requests that arrived while it was being computed, so nothing is ever stale).
export function singleFlight<T>() {
  const inFlight = new Map<string, Promise<T>>();
  return (key: string, run: () => Promise<T>): Promise<T> => {
    let pending = inFlight.get(key);
    if (!pending) {
      pending = run().finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  };
}
