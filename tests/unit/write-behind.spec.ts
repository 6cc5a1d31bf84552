import { describe, expect, it } from '@jest/globals';
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
});
