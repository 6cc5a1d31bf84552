// The expert index snapshot in Table Storage (issue #16): a starting instance restores a tenant's index
// from it and reads only the change feed since, instead of every profile.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ExpertDirectory } from '../../bot/src/domain/experts/expert-directory';
import type { IndexSnapshot, ProfileChangeFeed } from '../../bot/src/domain/experts/expert-ports';
import type { SnapshotPerson } from '../../bot/src/domain/experts/expert-doc';
import type { MemberProfile } from '../../bot/src/domain/experts/member';
import { TableIndexSnapshotStore } from '../../bot/src/storage/experts/table-index-snapshot-store';
import { SNAPSHOT_FORMAT } from '../../bot/src/storage/experts/snapshot-codec';
import { createDeliveryStorage } from '../../bot/src/storage/delivery/delivery-storage';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import type { Storage } from '../../bot/src/storage/shared/create-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { EXPERT_SNAPSHOT_HEAD_ROW, expertSnapshotPartition, TABLES } from '../../bot/src/storage/shared/keys';
import { StorageTable } from '../../bot/src/storage/shared/storage-table';
import { TableClient } from '@azure/data-tables';
import { startTestAzurite } from '../support/azurite';
import { profileOf } from '../support/expert-corpus';
import { quietLogger } from '../support/service';

let azurite: EmbeddedAzurite;
let storage: Storage;
let snapshotTable: StorageTable;
const AT = new Date().toISOString();

beforeAll(async () => {
  azurite = await startTestAzurite();
  storage = createStorage({ connectionString: azurite.connectionString });
  await storage.ensureCreated();
  // The erase reaches the delivery tables too.
  await createDeliveryStorage(clientsFromConnectionString(azurite.connectionString), storage.queues.jobs).ensureCreated();
  snapshotTable = new StorageTable(
    TABLES.expertSnapshots,
    TableClient.fromConnectionString(azurite.connectionString, TABLES.expertSnapshots, { allowInsecureConnection: true }),
  );
});
afterAll(async () => {
  await azurite?.stop();
});

interface Instance {
  readonly directory: ExpertDirectory;
  /** How many times this instance read a tenant's whole profiles partition. */
  readonly scans: () => number;
}

/** One service instance's expert directory over the shared storage; `changes` may hold the feed for a test. */
function instance(options: { changes?: ProfileChangeFeed; now?: () => Date } = {}): Instance {
  let scans = 0;
  const members = storage.repositories.members;
  const directory = new ExpertDirectory(
    {
      members: {
        get: (tenantId, userId) => members.get(tenantId, userId),
        forEachInTenant: (tenantId, onPage) => {
          scans += 1;
          return members.forEachInTenant(tenantId, onPage);
        },
      },
      teams: storage.repositories.teams,
      sessions: storage.repositories.sessions,
      endorsements: storage.experts.endorsements,
      changes: options.changes ?? storage.experts.changes,
      snapshots: storage.experts.snapshots,
    },
    { now: options.now ?? (() => new Date()), log: quietLogger, pollIntervalMs: 100 },
  );
  return { directory, scans: () => scans };
}

async function seeded(people: number): Promise<string> {
  const tenantId = `snap-${randomUUID()}`;
  await storage.repositories.members.putMany(Array.from({ length: people }, (_, i) => profileOf(i, AT, tenantId)));
  return tenantId;
}

/** A warm instance that wrote the tenant's snapshot, stopped again (so nothing rewrites it behind the test's back). */
async function snapshotted(tenantId: string): Promise<void> {
  const writer = instance();
  await writer.directory.index(tenantId);
  await writer.directory.stop();
}

const userIds = async (directory: ExpertDirectory, tenantId: string, text: string): Promise<string[]> => {
  const outcome = await directory.search(tenantId, { text, skip: 0, count: 25 });
  if (outcome.status !== 'ready') throw new Error(`searching "${text}" answered ${outcome.status}`);
  return outcome.page.hits.map((hit) => hit.userId);
};

const QUERIES = ['excel', 'typescrpt', 'de vries', 'utrecht', ''];

describe('expert index snapshot', () => {
  it('a new instance warms from the snapshot without reading the profiles, and answers as a full build does', async () => {
    const tenantId = await seeded(300);
    const built = instance();
    await built.directory.index(tenantId);
    await built.directory.stop();
    expect(built.scans()).toBe(1);
    const snapshot = await storage.experts.snapshots.read(tenantId);
    expect(snapshot?.lists.people).toHaveLength(300);

    const restored = instance();
    await restored.directory.index(tenantId);
    expect(restored.scans()).toBe(0);
    for (const q of QUERIES) expect(await userIds(restored.directory, tenantId, q)).toEqual(await userIds(built.directory, tenantId, q));
    await restored.directory.stop();
  });

  it('a change made after the snapshot was written is there after a restart (the catch-up from its feed position)', async () => {
    const tenantId = await seeded(50);
    await snapshotted(tenantId);
    const person = profileOf(7, AT, tenantId);
    await storage.repositories.members.update(tenantId, person.userId, (p) =>
      p ? { ...p, teaches: [{ name: 'Kubernetes', level: 3 }] } : undefined,
    );

    const restarted = instance();
    expect(await userIds(restarted.directory, tenantId, 'kubernetes')).toContain(person.userId);
    expect(restarted.scans()).toBe(0);
    await restarted.directory.stop();
  });

  it('a snapshot of an unknown format, or older than the change feed reaches back, is not used: the profiles are read', async () => {
    const tenantId = await seeded(30);
    await snapshotted(tenantId);
    const headKey = { partitionKey: expertSnapshotPartition(tenantId), rowKey: EXPERT_SNAPSHOT_HEAD_ROW };

    // An hour later the feed no longer holds what happened since the snapshot.
    const later = instance({ now: () => new Date(Date.now() + 60 * 60_000) });
    expect(await userIds(later.directory, tenantId, 'excel')).not.toEqual([]);
    expect(later.scans()).toBe(1);
    await later.directory.stop();

    const head = await snapshotTable.get(headKey);
    await snapshotTable.replace(
      { ...headKey, format: 999, generation: String(head?.['generation']), chunks: Number(head?.['chunks']) },
      head?.etag ?? '',
    );
    const unknown = instance();
    expect(await userIds(unknown.directory, tenantId, 'excel')).not.toEqual([]);
    expect(unknown.scans()).toBe(1);
    // ...and writes one this version can read.
    await unknown.directory.stop();
    expect((await snapshotTable.get(headKey))?.['format']).toBe(SNAPSHOT_FORMAT);
    expect((await storage.experts.snapshots.read(tenantId))?.lists.people).toHaveLength(30);
  });

  /** A read snapshot hands its people out one at a time (format 2 keeps them as columns): as tuples, to compare. */
  const withTuples = (snapshot: IndexSnapshot | undefined): IndexSnapshot | undefined => {
    if (!snapshot) return undefined;
    const people: SnapshotPerson[] = [];
    snapshot.lists.people.forEach((person) => people.push(person));
    return { ...snapshot, lists: { ...snapshot.lists, people } };
  };

  it('two writers at once never mix their chunks: the head names one whole snapshot and the loser removes its own', async () => {
    const tenantId = `snap-${randomUUID()}`;
    // Random words do not compress: about 1.5 MB, three chunks each.
    const big = (label: string): IndexSnapshot => ({
      tenantId,
      cursorMs: Date.now(),
      seen: [[label, 1]],
      lists: {
        people: Array.from({ length: 400 }, (_, i) => [
          `${label}-${i}`,
          '',
          `Person ${i}`,
          [],
          [],
          [],
          randomBytes(1_800).toString('hex'),
          0,
        ]),
        skills: [],
        names: [],
        bios: [],
      },
    });
    const one = new TableIndexSnapshotStore(snapshotTable);
    const two = new TableIndexSnapshotStore(snapshotTable);
    for (let round = 0; round < 2; round += 1) {
      const [a, b] = [big(`a${round}`), big(`b${round}`)];
      const [wa, wb] = await Promise.all([one.write(a), two.write(b)]);
      expect(wa.written || wb.written).toBe(true);
      const current = await one.read(tenantId);
      expect([a, b]).toContainEqual(withTuples(current));
      // Only the head's generation is left: the loser's chunks and the previous generation are gone.
      const rows = await snapshotTable.listPartitionSelect(expertSnapshotPartition(tenantId), ['RowKey', 'generation', 'chunks']);
      const head = rows.find((r) => r.rowKey === EXPERT_SNAPSHOT_HEAD_ROW);
      expect(Number(head?.['chunks'])).toBeGreaterThan(1);
      expect(rows.filter((r) => r.rowKey !== EXPERT_SNAPSHOT_HEAD_ROW).map((r) => r['generation'])).toEqual(
        Array.from({ length: Number(head?.['chunks']) }, () => head?.['generation']),
      );
    }
  });

  it('a person erased after the snapshot was written is not found after a restart from it, and the next snapshot leaves them out', async () => {
    const tenantId = await seeded(40);
    const eve: MemberProfile = {
      ...profileOf(3, AT, tenantId),
      displayName: 'Eve Erased',
      teaches: [{ name: 'Quantum Knitting', level: 3 }],
    };
    await storage.repositories.members.put(eve);
    await snapshotted(tenantId);
    expect(JSON.stringify(await storage.experts.snapshots.read(tenantId))).toContain('Eve Erased');

    await storage.personalData.erase({ tenantId, userId: eve.userId }, 'anonymise');

    const restarted = instance();
    expect(await userIds(restarted.directory, tenantId, 'quantum knitting')).toEqual([]);
    expect(await userIds(restarted.directory, tenantId, 'eve erased')).toEqual([]);
    expect(restarted.scans()).toBe(0);
    // The erasure made the restarted instance write a new snapshot at once.
    await restarted.directory.stop();
    const stored = JSON.stringify(await storage.experts.snapshots.read(tenantId));
    expect(stored).not.toContain('Eve Erased');
    expect(stored).not.toContain(eve.userId);
  });

  it('a search while the tenant is still catching up answers from the snapshot, not with "warming" or nothing; the instance is ready', async () => {
    const tenantId = await seeded(60);
    await snapshotted(tenantId);
    const expert = profileOf(11, AT, tenantId);
    // The catch-up is held at its read of the feed until the search has answered.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reading: () => void = () => undefined;
    const feedRead = new Promise<void>((resolve) => {
      reading = resolve;
    });
    const real = storage.experts.changes;
    const changes: ProfileChangeFeed = {
      record: (t, ids) => real.record(t, ids),
      recordErasure: (t, key, ids) => real.recordErasure(t, key, ids),
      tenants: () => Promise.resolve([tenantId]),
      prune: (t, before) => real.prune(t, before),
      async since(t, from) {
        reading();
        await held;
        return real.since(t, from);
      },
    };
    const starting = instance({ changes });
    const warm = starting.directory.start();
    await feedRead;
    // Searchable from the snapshot already: /readyz lets the instance take traffic (issue #16).
    const ready = starting.directory.searchable();
    const outcome = await starting.directory.search(tenantId, { text: expert.teaches[0]?.name ?? '', skip: 0, count: 25 }, 1_000);
    const warmMeanwhile = starting.directory.isWarm(tenantId);
    // Let go before any expectation, so that a failing one fails the test rather than leave the catch-up held.
    release();
    await warm;
    const warmAfter = starting.directory.isWarm(tenantId);
    await starting.directory.stop();
    expect(warmMeanwhile).toBe(false);
    expect(ready).toBe(true);
    expect(outcome.status).toBe('ready');
    expect(outcome.status === 'ready' && outcome.page.hits.map((h) => h.userId)).toContain(expert.userId);
    expect(warmAfter).toBe(true);
  });
});
