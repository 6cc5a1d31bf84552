/**
 * Reads of the same key that overlap in time share one storage round trip. A burst of 200 RSVPs to
 * one session read the same session row, team row and host name 200 times (docs/BENCHMARKS.md, RSVP
 * burst); joined, they cost a few. Nothing is kept once the read settles, so no answer is older than
 * a read that was already on the wire when it was asked for: the same freshness a read of its own
 * would have had a moment earlier.
 */
export function singleFlight<V>(): (key: string, load: () => Promise<V>) => Promise<V> {
  const inFlight = new Map<string, Promise<V>>();
  return (key, load) => {
    const running = inFlight.get(key);
    if (running) return running;
    const started = load().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}
