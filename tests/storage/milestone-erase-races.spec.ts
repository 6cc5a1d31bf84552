import { describe, expect, it } from '@jest/globals';
import type { SessionFact } from '../../bot/src/domain/insights/insights';
import { createMilestoneService } from '../../bot/src/domain/milestones/milestone-service';
import type { MilestoneClaim } from '../../bot/src/domain/milestones/milestones';
import { TableMilestoneRepository } from '../../bot/src/storage/milestones/table-milestone-repository';
import { milestonesRule } from '../../bot/src/storage/privacy/milestone-rules';
import { createDeliveryStorage } from '../../bot/src/storage/delivery/delivery-storage';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import type { EntityKey } from '../../bot/src/storage/shared/keys';
import { TABLES } from '../../bot/src/storage/shared/keys';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import type { NewEntity } from '../../bot/src/storage/shared/storage-table';
import { StorageTable } from '../../bot/src/storage/shared/storage-table';
import { gatedWrites } from '../support/gated-writes';
import { useTestStorage } from '../support/test-storage';
import { ids, membership, profile, team, tenant } from '../support/storage/fixtures';

/**
 * An erase wins over a milestone write that read before it (issue #12): the one-off copy of old
 * claims into the person's partition, and a milestone job counting a session she attended. Each
 * write is held on the wire while the erase runs (or the erase is held while the write runs), on
 * Azurite with the real repository, rule and privacy store.
 */
const storage = useTestStorage();
const DAY = 86_400_000;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY).toISOString();

type Write = 'create' | 'upsert' | 'replace' | 'putMany' | 'delete';

/** A written row, or the key of a deleted one. */
type Touched = Readonly<Record<string, unknown>> & EntityKey;

/**
 * plMilestones where the first write `picks` is held at `gates[0]` until the test opens it (`landed` settles
 * once it went through; with `lost` it lands and then fails, as a write whose answer never came back), and
 * writes `fails` picks are refused; the others pass.
 */
function heldTable(
  picks: (write: Write, row: Touched) => boolean,
  fails: (write: Write, row: Touched) => boolean = () => false,
  lost = false,
) {
  const { gates, hold } = gatedWrites();
  let armed = true;
  let held: Promise<void> | undefined;
  const pass = (write: Write, row: Touched, go: () => Promise<void>): Promise<void> => {
    if (fails(write, row)) return Promise.reject(new Error('storage unavailable'));
    if (!armed || !picks(write, row)) return go();
    armed = false;
    held = hold(lost ? () => go().then(() => Promise.reject(new Error('connection reset'))) : go)();
    return held;
  };
  class Held extends StorageTable {
    override create(entity: NewEntity) {
      return pass('create', entity, () => super.create(entity));
    }
    override upsert(entity: NewEntity) {
      return pass('upsert', entity, () => super.upsert(entity));
    }
    override replace(entity: NewEntity, etag: string) {
      return pass('replace', entity, () => super.replace(entity, etag));
    }
    override putMany(entities: readonly NewEntity[]) {
      const [first] = entities;
      return first ? pass('putMany', first, () => super.putMany(entities)) : super.putMany(entities);
    }
    override delete(key: EntityKey) {
      return pass('delete', { ...key }, () => super.delete(key));
    }
  }
  const client = clientsFromConnectionString(storage.azurite.connectionString).table(TABLES.milestones);
  const landed = () => (held ?? Promise.reject(new Error('no write was held'))).catch(() => undefined);
  return { table: new Held(TABLES.milestones, client), gates, landed };
}

const plainTable = () =>
  new StorageTable(TABLES.milestones, clientsFromConnectionString(storage.azurite.connectionString).table(TABLES.milestones));
/** The privacy store over every table; the delivery tables it also erases are created once. */
let deliveryReady: Promise<void> | undefined;
async function erase(tenantId: string, userId: string): Promise<void> {
  const all = createStorage({ connectionString: storage.azurite.connectionString });
  await (deliveryReady ??= createDeliveryStorage(
    clientsFromConnectionString(storage.azurite.connectionString),
    all.queues.jobs,
  ).ensureCreated());
  await all.personalData.erase({ tenantId, userId }, 'anonymise');
}
const inView = (tenantId: string, userId: string) => ({ person: { tenantId, userId }, displayName: '', email: '', conversationId: '' });
/** Every row of plMilestones that names her: what an export would show. */
const rowsOf = (tenantId: string, userId: string) => milestonesRule.find(plainTable(), inView(tenantId, userId));

const claimOf = (tenantId: string, teamId: string, userId: string, milestone: MilestoneClaim['milestone']): MilestoneClaim => ({
  tenantId,
  teamId,
  userId,
  milestone,
  reachedAt: daysAgo(3),
  sourceId: 's1',
  claimedAt: daysAgo(2),
  celebrated: true,
});

/** Claims as the code before the copies stored them: the team's row only, so her first read copies them. */
async function oldClaims(tenantId: string, userId: string): Promise<void> {
  const repo = new TableMilestoneRepository(plainTable());
  for (const teamId of [ids.teamsThread(), ids.teamsThread()]) {
    await repo.claim(claimOf(tenantId, teamId, userId, 'attended1'));
  }
  await plainTable().deleteMany((await rowsOf(tenantId, userId)).filter((r) => (r.partitionKey ?? '').startsWith('person|')).map(keyOf));
}
const keyOf = (row: { readonly partitionKey?: string; readonly rowKey?: string }): EntityKey => ({
  partitionKey: row.partitionKey ?? '',
  rowKey: row.rowKey ?? '',
});

describe('the copy into her own partition and an erase at the same time', () => {
  it('an erase between the copy’s read and its write: the copies and the mark are taken back', async () => {
    const [tenantId, ann] = [ids.tenant(), ids.user()];
    await oldClaims(tenantId, ann);
    expect(await rowsOf(tenantId, ann)).toHaveLength(2);
    const { table, gates } = heldTable((write) => write === 'putMany');
    const listing = new TableMilestoneRepository(table).listForPerson(tenantId, ann);
    await gates[0]?.onTheWire;
    await erase(tenantId, ann);
    expect(await rowsOf(tenantId, ann)).toEqual([]);
    gates[0]?.open();
    expect(await listing).toEqual([]);
    expect(await rowsOf(tenantId, ann)).toEqual([]);
  });

  it('an erase that found her rows before the copy and deletes them after it: its last look takes the copies', async () => {
    const [tenantId, ann] = [ids.tenant(), ids.user()];
    await oldClaims(tenantId, ann);
    const { table, gates } = heldTable((write) => write === 'delete');
    const context = { ...inView(tenantId, ann), contributions: 'anonymise' as const, changedPeople: new Set<string>() };
    const erasing = milestonesRule.erase(table, await milestonesRule.find(table, context), context);
    await gates[0]?.onTheWire;
    // The copy reads the team rows, writes the copies and the mark, and reads the team rows again: all still there.
    expect(await storage.repos.milestones.listForPerson(tenantId, ann)).toHaveLength(2);
    expect(await rowsOf(tenantId, ann)).toHaveLength(5);
    gates[0]?.open();
    expect(await erasing).toEqual({ removed: 5, anonymised: 0 });
    expect(await rowsOf(tenantId, ann)).toEqual([]);
  });
});

/** A session the host taught and Ann attended, stored; `checkWith(table)` is a milestone check whose plMilestones is `table`. */
async function sessionOfTwo() {
  const [tenantId, teamId, ann, host] = [ids.tenant(), ids.teamsThread(), ids.user(), ids.user()];
  const { repos } = storage;
  await repos.tenants.upsert(tenant(tenantId));
  await repos.teams.upsert(team(tenantId, teamId, { locale: 'en-US' }));
  await repos.teams.addMembers([membership(tenantId, teamId, ann), membership(tenantId, teamId, host)]);
  await repos.members.putMany([profile(tenantId, ann), profile(tenantId, host)]);
  const held: SessionFact = {
    tenantId,
    teamId,
    sessionId: 's1',
    title: 'Pairing',
    startsAt: daysAgo(1),
    skills: [],
    teacherIds: [host],
    attendeeIds: [ann],
    feedback: { answers: 0, ratingSum: 0, learnedYes: 0 },
    foldedAt: now.toISOString(),
  };
  await repos.insights.saveFact(tenantId, teamId, 's1', held, 'Europe/Amsterdam');
  const checkWith = (table: StorageTable) =>
    createMilestoneService({ repositories: { ...repos, milestones: new TableMilestoneRepository(table) }, now: () => now }).celebrate({
      tenantId,
      teamId,
      source: 'session',
      sessionId: 's1',
    });
  return { tenantId, ann, host, checkWith };
}

/** The message a check failed with, or 'done' (caught at once: it may fail before the test awaits it). */
const failureOf = (checking: Promise<unknown>) =>
  checking.then(
    () => 'done',
    (error: unknown) => (error instanceof Error ? error.message : 'failed'),
  );

describe('a milestone job and an erase at the same time', () => {
  it('a job that read the session before her erase and writes after it takes back what it wrote about her', async () => {
    const { tenantId, ann, host, checkWith } = await sessionOfTwo();
    // Her first write (the tally of sessions she attended) waits on the wire; her erase runs meanwhile.
    const { table, gates } = heldTable((_, row) => row['userId'] === ann);
    const checking = checkWith(table);
    await gates[0]?.onTheWire;
    await erase(tenantId, ann);
    gates[0]?.open();
    const cards = await checking;
    expect(cards.map((c) => `${c.claim.userId}:${c.claim.milestone}`)).toEqual([`${host}:taught1`]);
    expect(await rowsOf(tenantId, ann)).toEqual([]);
    // The host's claim, its copy and his tally stay.
    expect(await rowsOf(tenantId, host)).toHaveLength(3);
  });

  it('a job whose write for someone else fails while hers is on the wire still takes hers back (it waits for it)', async () => {
    const { tenantId, ann, host, checkWith } = await sessionOfTwo();
    // Her tally's write waits on the wire; the host's is refused, so the job fails; she is erased meanwhile.
    const { table, gates, landed } = heldTable(
      (_, row) => row['userId'] === ann,
      (_, row) => row['userId'] === host,
    );
    const outcome = failureOf(checkWith(table));
    await gates[0]?.onTheWire;
    await erase(tenantId, ann);
    gates[0]?.open();
    expect(await outcome).toBe('storage unavailable');
    await landed();
    expect(await rowsOf(tenantId, ann)).toEqual([]);
  });

  it('a write of hers that landed but whose answer was lost is taken back too', async () => {
    const { tenantId, ann, checkWith } = await sessionOfTwo();
    const { table, gates } = heldTable((_, row) => row['userId'] === ann, undefined, true);
    const outcome = failureOf(checkWith(table));
    await gates[0]?.onTheWire;
    await erase(tenantId, ann);
    gates[0]?.open();
    expect(await outcome).toBe('connection reset');
    expect(await rowsOf(tenantId, ann)).toEqual([]);
  });
});
