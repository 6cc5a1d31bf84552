import { odata } from '@azure/data-tables';
import { removeAll, tenantPartitions } from './privacy-rule';
import type { PrivacyRule } from './privacy-rule';

export const milestonesRule: PrivacyRule = {
  purpose:
    'Milestones: which milestones the person reached in each team (first session taught, fifth attended, tenth kudos…), when, through which session or kudos, and whether a card was posted, so each is celebrated once.',
  retention: 'Until the person erases their data; an erase deletes their rows.',
  find(table, who) {
    const { from, to } = tenantPartitions(who.person.tenantId);
    return table.listPartitions(from, to, odata`userId eq ${who.person.userId}`);
  },
  erase: (table, rows) => removeAll(table, rows),
};
