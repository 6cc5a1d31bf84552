import { describe, expect, it } from '@jest/globals';
import type { MilestoneClaim } from '../../bot/src/domain/milestones/milestones';
import { milestonesRule } from '../../bot/src/storage/privacy/milestone-rules';
import { toEntity } from '../../bot/src/storage/shared/entity-schema';
import { milestoneKey, personMilestonesCopiedKey, personMilestonesPartition, TABLES } from '../../bot/src/storage/shared/keys';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import { StorageTable } from '../../bot/src/storage/shared/storage-table';
import { useStorageCalls } from '../support/storage-calls';
import { useTestStorage } from '../support/test-storage';
import { ids } from '../support/storage/fixtures';

/**
 * My learning lists a person's milestones from their own partition of plMilestones (a copy written
 * with each claim), not by scanning every team's partition of the tenant. Claims stored before the
 * copies existed are still listed: copied in once, on the person's first read. Azurite, real repository.
 */
const storage = useTestStorage();
const counted = useStorageCalls();
const now = Date.now();
const at = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();

const claimOf = (
  tenantId: string,
  teamId: string,
  userId: string,
  milestone: MilestoneClaim['milestone'],
  sourceId = 's1',
): MilestoneClaim => ({
  tenantId,
  teamId,
  userId,
  milestone,
  reachedAt: at(3),
  sourceId,
  claimedAt: at(2),
  celebrated: true,
});

/** The table as the code before wrote it: a claim row in the team's partition, and no copy. */
const rawTable = () =>
  new StorageTable(TABLES.milestones, clientsFromConnectionString(storage.azurite.connectionString).table(TABLES.milestones));
async function writeOldClaim(c: MilestoneClaim) {
  const { tenantId, teamId, userId, milestone, reachedAt, sourceId, claimedAt, celebrated } = c;
  await rawTable().create(
    toEntity(milestoneKey(tenantId, teamId, userId, milestone), {
      tenantId,
      teamId,
      userId,
      milestone,
      reachedAt,
      sourceId,
      claimedAt,
      celebrated,
    }),
  );
}

const shown = (claims: readonly MilestoneClaim[]) => claims.map((c) => `${c.teamId}:${c.milestone}`).sort();

describe('a person’s milestones from their own partition', () => {
  it('lists the claims of every team with one query of the person’s partition, after a one-off first read', async () => {
    const tenantId = ids.tenant();
    const [ann, bob] = [ids.user(), ids.user()];
    const teams = [ids.teamsThread(), ids.teamsThread(), ids.teamsThread()];
    const { milestones } = storage.repos;
    for (const teamId of teams) {
      await milestones.claim(claimOf(tenantId, teamId, bob, 'attended1'));
      await milestones.claim(claimOf(tenantId, teamId, bob, 'taught1'));
    }
    expect(await milestones.claim(claimOf(tenantId, teams[0] ?? '', ann, 'attended1'))).toBe(true);
    expect(await milestones.claim(claimOf(tenantId, teams[2] ?? '', ann, 'taught1'))).toBe(true);
    const expected = [`${teams[0]}:attended1`, `${teams[2]}:taught1`].sort();

    // The first read also looks for claims from before the copies (once).
    expect(shown(await milestones.listForPerson(tenantId, ann))).toEqual(expected);
    const { result, calls } = await counted(() => milestones.listForPerson(tenantId, ann));
    expect(shown(result)).toEqual(expected);
    expect(calls).toEqual([
      { method: 'GET', table: TABLES.milestones, filter: `PartitionKey eq '${personMilestonesPartition(tenantId, ann)}'` },
    ]);
    // A new claim after that is listed at once: it is copied as it is claimed.
    await milestones.claim(claimOf(tenantId, teams[1] ?? '', ann, 'attended1'));
    const after = await counted(() => milestones.listForPerson(tenantId, ann));
    expect(shown(after.result)).toEqual([...expected, `${teams[1]}:attended1`].sort());
    expect(after.calls).toHaveLength(1);
  });

  it('still lists claims stored before the copies existed, copies them once, and never another person’s', async () => {
    const tenantId = ids.tenant();
    const [ann, bob] = [ids.user(), ids.user()];
    const [teamA, teamB] = [ids.teamsThread(), ids.teamsThread()];
    await writeOldClaim(claimOf(tenantId, teamA, ann, 'attended1'));
    await writeOldClaim(claimOf(tenantId, teamB, ann, 'attended5', 's5'));
    await writeOldClaim(claimOf(tenantId, teamA, bob, 'taught1'));
    // A claim made since: her copy exists, the older ones have none yet.
    await storage.repos.milestones.claim(claimOf(tenantId, teamB, ann, 'attended1'));
    const first = await counted(() => storage.repos.milestones.listForPerson(tenantId, ann));
    expect(shown(first.result)).toEqual([`${teamA}:attended1`, `${teamB}:attended1`, `${teamB}:attended5`].sort());
    expect(first.result.find((c) => c.milestone === 'attended5')).toMatchObject({ sourceId: 's5', userId: ann, celebrated: true });
    // Her partition, the tenant's team partitions, the copies written in one batch, and the team partitions once more
    // (an erase meanwhile must not be undone by the copies: milestone-erase-races.spec.ts).
    expect(first.calls.filter((c) => c.method === 'GET')).toHaveLength(3);
    const copies = await rawTable().listPartition(personMilestonesPartition(tenantId, ann));
    expect(copies).toHaveLength(4); // three claims and the "copied" mark
    const again = await counted(() => storage.repos.milestones.listForPerson(tenantId, ann));
    expect(shown(again.result)).toEqual(shown(first.result));
    expect(again.calls).toHaveLength(1);
    expect(shown(await storage.repos.milestones.listForPerson(tenantId, bob))).toEqual([`${teamA}:taught1`]);
  });

  it('of two writers at once, one claims and the copy says what the stored claim says', async () => {
    const tenantId = ids.tenant();
    const [ann, teamId] = [ids.user(), ids.teamsThread()];
    const one = { ...claimOf(tenantId, teamId, ann, 'taught1'), claimedAt: at(1), celebrated: true };
    const other = { ...one, claimedAt: at(0.5), celebrated: false };
    const won = await Promise.all([storage.repos.milestones.claim(one), storage.repos.milestones.claim(other)]);
    expect(won.filter(Boolean)).toHaveLength(1);
    const stored = await storage.repos.milestones.get(tenantId, teamId, ann, 'taught1');
    const [copy] = await storage.repos.milestones.listForPerson(tenantId, ann);
    expect(copy).toEqual(stored);
  });

  it('export and erase find the copies, the mark and the tally as well as the team’s claims', async () => {
    const tenantId = ids.tenant();
    const [ann, bob, teamId] = [ids.user(), ids.user(), ids.teamsThread()];
    await writeOldClaim(claimOf(tenantId, teamId, ann, 'attended1'));
    await storage.repos.milestones.claim(claimOf(tenantId, teamId, ann, 'taught1'));
    await storage.repos.milestones.claim(claimOf(tenantId, teamId, bob, 'taught1'));
    await storage.repos.milestones.listForPerson(tenantId, ann);
    // The check's tally of her sessions (what it counted toward her milestones) names her too.
    const owner = { tenantId, teamId, userId: ann, kind: 'attended' as const };
    await storage.repos.milestones.updateTally(owner, async () => ({ ...owner, events: [{ sourceId: 's1', at: at(3) }] }));
    const who = { person: { tenantId, userId: ann }, displayName: '', email: '', conversationId: '' };
    const table = rawTable();
    const found = await milestonesRule.find(table, who);
    // Two team rows, their two copies, the mark, the tally: all hers.
    expect(found).toHaveLength(6);
    expect(found.every((r) => r['userId'] === ann)).toBe(true);
    const { calls } = await counted(() =>
      milestonesRule.erase(table, found, { ...who, contributions: 'anonymise', changedPeople: new Set() }),
    );
    expect(await milestonesRule.find(table, who)).toEqual([]);
    // Its look again after the deletes reads her own partition only (the copy writes nowhere else), not every team's of the tenant.
    const reads = calls.filter((c) => c.table === TABLES.milestones && c.method === 'GET');
    expect(reads).toHaveLength(1);
    expect(reads[0]?.filter).toContain(personMilestonesPartition(tenantId, ann));
    expect(reads[0]?.filter).not.toContain('userId');
    expect(await storage.repos.milestones.get(tenantId, teamId, ann, 'taught1')).toBeUndefined();
    expect(shown(await storage.repos.milestones.listForPerson(tenantId, bob))).toEqual([`${teamId}:taught1`]);
  });

  it('an erase whose look still finds rows after its last sweep fails, to be run again, rather than leave them', async () => {
    const tenantId = ids.tenant();
    const [ann, teamId] = [ids.user(), ids.teamsThread()];
    await storage.repos.milestones.claim(claimOf(tenantId, teamId, ann, 'taught1'));
    const mark = personMilestonesCopiedKey(tenantId, ann);
    // A writer that puts a row in her partition before each of the erase's looks.
    class Rewritten extends StorageTable {
      override async listPartition(partitionKey: string, options?: { readonly exceptRowKey?: string }) {
        if (partitionKey === mark.partitionKey) await super.upsert(toEntity(mark, { userId: ann, copiedAt: new Date().toISOString() }));
        return super.listPartition(partitionKey, options);
      }
    }
    const table = new Rewritten(TABLES.milestones, clientsFromConnectionString(storage.azurite.connectionString).table(TABLES.milestones));
    const who = { person: { tenantId, userId: ann }, displayName: '', email: '', conversationId: '' };
    const found = await milestonesRule.find(rawTable(), who);
    await expect(milestonesRule.erase(table, found, { ...who, contributions: 'anonymise', changedPeople: new Set() })).rejects.toThrow(
      /still gets rows/,
    );
  });
});
