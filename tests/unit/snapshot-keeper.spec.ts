// The snapshot keeper owes a write after an erasure: when a write is already under way (its lists taken
// before the erasure), the next consistent moment writes again, so the stored snapshot loses the person.
import { describe, expect, it } from '@jest/globals';
import { TenantExpertIndex } from '../../bot/src/domain/experts/expert-index';
import type { IndexSnapshot, IndexSnapshotStore } from '../../bot/src/domain/experts/expert-ports';
import { SnapshotKeeper } from '../../bot/src/domain/experts/snapshot-keeper';
import { profile } from '../support/storage/fixtures';
import { quietLogger } from '../support/service';

const TENANT = 'keeper-tenant';

/** A store whose writes finish only when the test says so. */
function heldStore() {
  const writes: { snapshot: IndexSnapshot; finish: () => void }[] = [];
  const store: IndexSnapshotStore = {
    read: () => Promise.resolve(undefined),
    write: (snapshot) => new Promise((resolve) => writes.push({ snapshot, finish: () => resolve({ written: true, bytes: 1 }) })),
  };
  return { store, writes };
}

const people = (index: TenantExpertIndex) => index.lists().people.map((p) => p[0]);

describe('SnapshotKeeper', () => {
  it('an erasure noted while a write is under way is written right after it, without the erased person', async () => {
    const { store, writes } = heldStore();
    const keeper = new SnapshotKeeper(store, { now: () => new Date(), log: quietLogger, retentionMs: 3_600_000 });
    const index = new TenantExpertIndex(TENANT);
    for (const userId of ['ann', 'bob'])
      index.upsert({ profile: profile(TENANT, userId, { teaches: [{ name: 'Excel', level: 2 }] }), endorsements: new Map() });
    const position = { index, cursorMs: Date.now(), seen: new Map<string, number>() };

    keeper.noteChanges(position, 2, true); // the full build
    expect(writes).toHaveLength(1);
    index.remove('bob'); // bob erased while that write is on the wire
    keeper.noteChanges(position, 0, true);
    expect(writes).toHaveLength(1);
    writes[0]?.finish();
    await keeper.settled();

    keeper.noteChanges(position, 0, false); // the next poll, nothing new: the owed write goes out
    expect(writes).toHaveLength(2);
    writes[1]?.finish();
    await keeper.settled();
    expect(writes.map((w) => w.snapshot.lists.people.length)).toEqual([2, 1]);
    expect(people(index)).toHaveLength(1);

    keeper.noteChanges(position, 0, false); // and then nothing more is owed
    expect(writes).toHaveLength(2);
  });
});
