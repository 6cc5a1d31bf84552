import { odata } from '@azure/data-tables';
import type { StorageTable, StoredEntity } from '../shared/storage-table';
import { personMilestonesPartition } from '../shared/keys';
import { removeAll, sum, tenantPartitions } from './privacy-rule';
import type { PersonInView, PrivacyRule } from './privacy-rule';

/** Looks of an erase: the second finds what a writer that read before the first put in meanwhile; more are rarely needed. */
const MAX_SWEEPS = 4;

async function findRows(table: StorageTable, who: PersonInView): Promise<StoredEntity[]> {
  const { tenantId, userId } = who.person;
  const { from, to } = tenantPartitions(tenantId);
  // The claims and tallies in the teams' partitions, and the person's own partition (the copies and its bookkeeping).
  const [teamRows, ownRows] = await Promise.all([
    table.listPartitions(from, to, odata`userId eq ${userId}`),
    table.listPartition(personMilestonesPartition(tenantId, userId)),
  ]);
  return [...teamRows, ...ownRows];
}

export const milestonesRule: PrivacyRule = {
  purpose:
    'Milestones: which milestones the person reached in each team (first session taught, fifth attended, tenth kudos…), when, through which session or kudos, and whether a card was posted, so each is celebrated once; a copy of each in their own list, so My learning reads only theirs; per team, the first sessions and kudos counted toward them (up to the highest milestone), so the check does not read the team’s history each time.',
  retention: 'Until the person erases their data; an erase deletes their rows.',
  find: findRows,
  /**
   * Deletes, then looks again until nothing is left. Writers that read before the erase check again
   * after they wrote and take back what they wrote when what they read from is gone: the one-off copy
   * into the person's partition re-reads the team rows (table-milestone-repository.ts), a milestone
   * job re-reads its session fact or kudos (milestone-service.ts; those tables are erased before this
   * one, privacy-rules.ts). Either such a write lands before the last look, which finds it, or after
   * it, when its writer's check sees the rows gone.
   */
  async erase(table, rows, context) {
    const counts = [await removeAll(table, rows)];
    for (let sweep = 1; sweep < MAX_SWEEPS; sweep += 1) {
      const left = await findRows(table, context);
      if (left.length === 0) break;
      counts.push(await removeAll(table, left));
    }
    return sum(counts);
  },
};
