import { odata } from '@azure/data-tables';
import { NOTHING, rewrite, sum, tenantPartitions } from './privacy-rule';
import type { PrivacyRule } from './privacy-rule';

export const teamSkillsRule: PrivacyRule = {
  purpose:
    "The team taxonomy: skills a team added beyond the built-in catalogue (name, when, who added it), so the team's later forms accept them and suggest them for typos.",
  retention:
    'As long as the team uses PeerLearn. An erase takes the person out of "added by"; the skill stays for the team, naming no one.',
  find(table, who) {
    const { from, to } = tenantPartitions(who.person.tenantId);
    return table.listPartitions(from, to, odata`addedBy eq ${who.person.userId}`);
  },
  async erase(table, rows, context) {
    const counts = [];
    for (const row of rows) {
      const changed = await rewrite(table, row, (current) => {
        if (current['addedBy'] !== context.person.userId) return undefined;
        const { addedBy: _erased, ...rest } = current;
        return { ...rest, partitionKey: current.partitionKey, rowKey: current.rowKey };
      });
      counts.push(changed ? { removed: 0, anonymised: 1 } : NOTHING);
    }
    return sum(counts);
  },
};
