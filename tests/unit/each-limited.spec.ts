import { describe, expect, it } from '@jest/globals';
import { forEachLimited } from '../../bot/src/domain/shared/each-limited';

/** A promise the test settles by hand. */
function deferred(): { readonly promise: Promise<void>; readonly resolve: () => void; readonly reject: (e: Error) => void } {
  let resolve: () => void = () => undefined;
  let reject: (e: Error) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('forEachLimited', () => {
  it('runs every item with at most `limit` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await Promise.resolve();
      inFlight -= 1;
      done.push(n);
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('after a failure starts no further item, and rejects (with the first failure) only once every lane has settled', async () => {
    const items = [0, 1, 2, 3, 4, 5];
    const held = items.map(() => deferred());
    const started: number[] = [];
    const settled: number[] = [];
    let failure: { readonly error: unknown; readonly settled: number[] } | undefined;
    const outcome = forEachLimited(items, 3, async (n) => {
      started.push(n);
      try {
        await held[n]?.promise;
      } finally {
        settled.push(n);
      }
    }).catch((error: unknown) => {
      failure = { error, settled: [...settled] };
    });
    expect(started).toEqual([0, 1, 2]);
    held[0]?.reject(new Error('first'));
    await Promise.resolve();
    held[1]?.reject(new Error('second'));
    // Item 2 is still running: nothing was rejected yet, and the lanes freed by 0 and 1 took nothing new.
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    expect(failure).toBeUndefined();
    expect(started).toEqual([0, 1, 2]);
    held[2]?.resolve();
    await outcome;
    expect(failure?.error).toEqual(new Error('first'));
    // No lane was still running when the caller heard of the failure, and none took an item after it.
    expect(failure?.settled.sort()).toEqual([0, 1, 2]);
    expect(started).toEqual([0, 1, 2]);
  });
});
