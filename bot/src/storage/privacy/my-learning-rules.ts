import { odata } from '@azure/data-tables';
import { skillHistoryPartition } from '../shared/keys';
import { removeAll, tenantPartitions } from './privacy-rule';
import type { PrivacyRule } from './privacy-rule';

export const skillHistoryRule: PrivacyRule = {
  purpose:
    'My learning: each change of the skills the person teaches and their level (skill, level, when), for their own "levels over time". Only they see it.',
  retention: 'Until the person erases their data; an erase deletes every row.',
  // One partition per person: the export holds all of it.
  find: (table, who) => table.listPartition(skillHistoryPartition(who.person.tenantId, who.person.userId)),
  erase: (table, rows) => removeAll(table, rows),
};

export const nudgesRule: PrivacyRule = {
  purpose:
    'Insights: when a team owner last nudged a quiet member (team, member, when; not who sent it), so a member is nudged at most once per interval.',
  retention: 'Until the person erases their data; an erase deletes their rows.',
  find(table, who) {
    const { from, to } = tenantPartitions(who.person.tenantId);
    return table.listPartitions(from, to, odata`userId eq ${who.person.userId}`);
  },
  erase: (table, rows) => removeAll(table, rows),
};
