import { odata } from '@azure/data-tables';
import type { StorageTable, StoredEntity } from '../shared/storage-table';
import { personMilestonesPartition } from '../shared/keys';
import { removeAll, sum, tenantPartitions } from './privacy-rule';
import type { PersonInView, PrivacyRule } from './privacy-rule';

/** Looks after the first deletes: the first finds what a writer that read before them put in meanwhile; more are rarely needed. */
const MAX_LOOKS = 3;

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
   * it, when its writer's check sees the rows gone. Only the copy relies on these looks, and it writes
   * only the person's own partition: the looks read that one partition, not every team's of the tenant.
   * Rows still found after the last look fail the erase, so it is run again (it is safe to) rather than
   * leaving them quietly.
   */
  async erase(table, rows, context) {
    const own = personMilestonesPartition(context.person.tenantId, context.person.userId);
    const counts = [await removeAll(table, rows)];
    for (let look = 1; ; look += 1) {
      const left = await table.listPartition(own);
      if (left.length === 0) return sum(counts);
      if (look === MAX_LOOKS) throw new Error(`plMilestones: the erased person's partition still gets rows after ${MAX_LOOKS} looks`);
      counts.push(await removeAll(table, left));
    }
  },
};
