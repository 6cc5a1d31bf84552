import { describe, expect, it, jest } from '@jest/globals';
import { createWriteBehind } from '../../bot/src/domain/shared/write-behind';

// Bookkeeping written after the answer (domain/shared/write-behind.ts): coalesced, batched, retried, never silently lost.
interface Item {
  readonly key: string;
  readonly value: number;
}

function setup(fail: (attempt: number) => boolean = () => false) {
  const batches: Item[][] = [];
  const errors: string[] = [];
  let attempts = 0;
  const writer = createWriteBehind<Item>({
    keyOf: (i) => i.key,
    write: async (items) => {
      attempts += 1;
      if (fail(attempts)) throw new Error(`storage said no (${attempts})`);
      batches.push([...items]);
    },
    maxBatch: 2,
    log: { error: (message) => void errors.push(message) },
    what: 'items',
    retryDelayMs: 1,
  });
  return { writer, batches, errors, attempts: () => attempts };
}

/** A writer that lingers 100 ms for a quiet moment, 1 s at most, and what it wrote (the keys of each batch). */
function lingering(busy?: () => boolean) {
  const batches: string[][] = [];
  const writer = createWriteBehind<Item>({
    keyOf: (i) => i.key,
    write: async (items) => void batches.push(items.map((i) => i.key)),
    maxBatch: 100,
    log: { error: () => undefined },
    what: 'items',
    lingerMs: 100,
    maxWaitMs: 1_000,
    ...(busy ? { busy } : {}),
  });
  return { writer, batches };
}

describe('write-behind', () => {
  it('items of the same moment share batches, and a key queued twice is written once, with its latest value', async () => {
    const { writer, batches } = setup();
    writer.add({ key: 'a', value: 1 });
    writer.add({ key: 'b', value: 1 });
    writer.add({ key: 'a', value: 2 });
    writer.add({ key: 'c', value: 1 });
    expect(batches).toEqual([]);
    await writer.settled();
    expect(batches).toEqual([
      [
        { key: 'b', value: 1 },
        { key: 'a', value: 2 },
      ],
      [{ key: 'c', value: 1 }],
    ]);
  });

  it('a failed batch is tried again; one that keeps failing is logged, not dropped silently', async () => {
    const flaky = setup((attempt) => attempt === 1);
    flaky.writer.add({ key: 'a', value: 1 });
    await flaky.writer.settled();
    expect(flaky.batches).toEqual([[{ key: 'a', value: 1 }]]);
    expect(flaky.errors).toEqual([]);

    const down = setup(() => true);
    down.writer.add({ key: 'a', value: 1 });
    await down.writer.settled();
    expect(down.attempts()).toBe(3);
    expect(down.errors).toEqual(['write-behind: 1 items could not be written after 3 attempts']);
  });

  it('a burst is written once it calms down, or after maxWaitMs however long it goes on', async () => {
    jest.useFakeTimers();
    try {
      const { writer, batches } = lingering();
      // One every 50 ms: still busy, so nothing is written yet.
      for (let i = 0; i < 5; i += 1) {
        writer.add({ key: `a${i}`, value: i });
        await jest.advanceTimersByTimeAsync(50);
      }
      expect(batches).toEqual([]);
      // Quiet for 100 ms: the burst goes in one batch.
      await jest.advanceTimersByTimeAsync(60);
      expect(batches).toEqual([['a0', 'a1', 'a2', 'a3', 'a4']]);

      // A stream that never calms down is written after 1 s all the same.
      for (let i = 0; i < 30; i += 1) {
        writer.add({ key: `b${i}`, value: i });
        await jest.advanceTimersByTimeAsync(50);
      }
      expect(batches.length).toBe(2);
      expect(batches[1]?.slice(0, 2)).toEqual(['b0', 'b1']);
      expect(batches[1]?.length).toBeGreaterThanOrEqual(19);
      expect(batches[1]?.length).toBeLessThanOrEqual(21);
      await jest.advanceTimersByTimeAsync(200);
      expect(batches.flat()).toHaveLength(35);
      await writer.settled();
    } finally {
      jest.useRealTimers();
    }
  });

  it('a batch also waits while what it follows is busy (answers still in flight), within maxWaitMs', async () => {
    jest.useFakeTimers();
    try {
      let busy = true;
      const { writer, batches } = lingering(() => busy);
      // Every item of the burst came at once, but the answers are still being served: nothing is written.
      writer.add({ key: 'a', value: 1 });
      writer.add({ key: 'b', value: 1 });
      await jest.advanceTimersByTimeAsync(500);
      expect(batches).toEqual([]);
      // The answers have left: written within one linger.
      busy = false;
      await jest.advanceTimersByTimeAsync(100);
      expect(batches).toEqual([['a', 'b']]);

      // Busy for good: written after maxWaitMs all the same.
      busy = true;
      writer.add({ key: 'c', value: 1 });
      await jest.advanceTimersByTimeAsync(900);
      expect(batches).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(150);
      expect(batches).toEqual([['a', 'b'], ['c']]);
      await writer.settled();
    } finally {
      jest.useRealTimers();
    }
  });

  it('forget drops what is queued under a key, and waits for a batch of it already on the wire', async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let started: () => void = () => undefined;
    const onTheWire = new Promise<void>((resolve) => (started = resolve));
    const written: string[] = [];
    const writer = createWriteBehind<Item>({
      keyOf: (i) => i.key,
      write: async (items) => {
        started();
        await gate;
        written.push(...items.map((i) => i.key));
      },
      maxBatch: 1,
      log: { error: () => undefined },
      what: 'items',
    });
    writer.add({ key: 'a', value: 1 });
    writer.add({ key: 'b', value: 1 });
    await onTheWire;
    // 'a' is on the wire, 'b' waits behind it.
    await writer.forget('b');
    let forgotten = false;
    const forgetA = writer.forget('a').then(() => (forgotten = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(forgotten).toBe(false);
    open();
    await forgetA;
    expect(written).toEqual(['a']);
    await writer.settled();
    expect(written).toEqual(['a']);
  });
});
