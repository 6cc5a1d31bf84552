import { odata } from '@azure/data-tables';
import { personMilestonesPartition } from '../shared/keys';
import { removeAll, tenantPartitions } from './privacy-rule';
import type { PrivacyRule } from './privacy-rule';

export const milestonesRule: PrivacyRule = {
  purpose:
    'Milestones: which milestones the person reached in each team (first session taught, fifth attended, tenth kudos…), when, through which session or kudos, and whether a card was posted, so each is celebrated once; a copy of each in their own list, so My learning reads only theirs; per team, the first sessions and kudos counted toward them (up to the highest milestone), so the check does not read the team’s history each time.',
  retention: 'Until the person erases their data; an erase deletes their rows.',
  async find(table, who) {
    const { tenantId, userId } = who.person;
    const { from, to } = tenantPartitions(tenantId);
    // The claims and tallies in the teams' partitions, and the person's own partition (the copies and its bookkeeping).
    const [teamRows, ownRows] = await Promise.all([
      table.listPartitions(from, to, odata`userId eq ${userId}`),
      table.listPartition(personMilestonesPartition(tenantId, userId)),
    ]);
    return [...teamRows, ...ownRows];
  },
  erase: (table, rows) => removeAll(table, rows),
};
