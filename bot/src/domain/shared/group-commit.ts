/**
 * Writes that arrive while one is on the wire go together in the next one, and each caller still
 * waits for its own item to be stored (unlike write-behind.ts): the same semantics as writing alone,
 * in fewer round trips. A batch's failure is each of its callers' failure.
 */
export function groupCommit<T>(write: (items: readonly T[]) => Promise<void>, maxBatch: number): (item: T) => Promise<void> {
  let queue: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    // Let the callers of the same moment queue up first, so they share the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        await write(batch.map((b) => b.item));
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    running = false;
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!running) void drain();
    });
}
