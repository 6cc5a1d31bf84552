import { odata } from '@azure/data-tables';
import { FORMER_COLLEAGUE_ID } from '../../domain/shared/person';
import { NOTHING, rewrite, sum, tenantPartitions } from './privacy-rule';
import type { PrivacyRule } from './privacy-rule';

export const teamGoalsRule: PrivacyRule = {
  purpose:
    'Team goals set by the team\u2019s owners (sessions a month, the share of members who teach or take part, people teaching a skill by a date). No row names a person.',
  retention: 'As long as the team uses PeerLearn; nothing to export or erase.',
  find: () => Promise.resolve([]),
  erase: () => Promise.resolve(NOTHING),
};

export const pulsesRule: PrivacyRule = {
  purpose:
    'Pulse surveys: each pulse with the owner who posted it, when, where, and how many gave each score (counts only). One marker row per answer holds a keyed hash of the pulse and the person under the server secret, to refuse a second answer: it names no one and no answer can be traced to a person.',
  retention:
    'As long as the team uses PeerLearn. An export shows the pulses the person posted (their answers cannot be found: nothing stores them with the person); an erase puts "a former colleague" where they posted one.',
  find(table, who) {
    const { from, to } = tenantPartitions(who.person.tenantId);
    return table.listPartitions(from, to, odata`postedBy eq ${who.person.userId}`);
  },
  async erase(table, rows, context) {
    const counts = [];
    for (const row of rows) {
      const changed = await rewrite(table, row, (current) =>
        current['postedBy'] === context.person.userId ? { ...current, postedBy: FORMER_COLLEAGUE_ID } : undefined,
      );
      counts.push(changed ? { removed: 0, anonymised: 1 } : NOTHING);
    }
    return sum(counts);
  },
};
