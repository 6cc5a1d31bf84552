/**
 * Runs `work` over `items` with at most `limit` in flight; rejects with the first failure. Once one
 * fails no further item is started, and it rejects only when every lane has settled: a caller that
 * cleans up after a failure (the milestone check's take-back) must not race work still running.
 */
export async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { readonly error: unknown } | undefined;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (!failure && next < items.length) {
      const item = items[next] as T;
      next += 1;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  });
  await Promise.all(lanes);
  if (failure) throw failure.error;
}
