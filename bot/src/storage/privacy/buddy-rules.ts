import { odata } from '@azure/data-tables';
import { roundRowAsSeenBy, roundRowNames, roundRowWithout } from '../buddies/buddy-round-mapper';
import { NOTHING, removeAll, rewrite, sum, tenantPartitions } from './privacy-rule';
import type { PrivacyRule } from './privacy-rule';

export const buddyPreferencesRule: PrivacyRule = {
  purpose:
    'Learning buddies: whether the person takes part in a team\u2019s buddy rounds or the organisation-wide ones, skips the next round, and on which days and how (in person, online) they can meet.',
  retention: 'Until the person changes it or erases their data; an erase deletes these rows.',
  find(table, who) {
    const { from, to } = tenantPartitions(who.person.tenantId);
    return table.listPartitions(from, to, odata`userId eq ${who.person.userId}`);
  },
  erase: (table, rows) => removeAll(table, rows),
};

export const buddyAnswersRule: PrivacyRule = {
  purpose: 'Learning buddies: the person\u2019s own answer to "did you meet?" in a round (seen by them and the team\u2019s owners only).',
  retention: 'As long as the round is kept; an erase deletes these rows.',
  find(table, who) {
    const { from, to } = tenantPartitions(who.person.tenantId);
    return table.listPartitions(from, to, odata`userId eq ${who.person.userId}`);
  },
  erase: (table, rows) => removeAll(table, rows),
};

export const buddyRoundsRule: PrivacyRule = {
  purpose:
    'Learning buddies: each computed round of a pool: who was paired with whom and why (skills, shared languages and days), who was left over and who skipped it. An export shows only the person\u2019s own pair.',
  retention:
    'As long as the team uses PeerLearn (no sweep of old rounds yet). After an erase the person\u2019s place in a pair shows "a former colleague", so the owners\u2019 counts keep their shape; they are taken out of who was left over or skipped.',
  async find(table, who) {
    // A round's people are in its JSON lists, which no filter can search: a tenant's rounds are read and parsed (a few per pool and month).
    const { from, to } = tenantPartitions(who.person.tenantId);
    const rows = await table.listPartitions(from, to);
    return rows.filter((row) => roundRowNames(row, who.person.userId)).map((row) => roundRowAsSeenBy(row, who.person.userId));
  },
  async erase(table, rows, context) {
    const counts = [];
    for (const seen of rows) {
      // `find` narrowed the row for the export: rewrite the stored one.
      const row = await table.get({ partitionKey: seen.partitionKey ?? '', rowKey: seen.rowKey ?? '' });
      const changed = row ? await rewrite(table, row, (current) => roundRowWithout(current, context.person.userId)) : false;
      counts.push(changed ? { removed: 0, anonymised: 1 } : NOTHING);
    }
    return sum(counts);
  },
};

export const buddySchedulesRule: PrivacyRule = {
  purpose:
    'Learning buddies: each pool\u2019s cadence (every 1, 2 or 4 weeks, weekday and time), when its next round is due, and an owner\u2019s pending start. No row names a person.',
  retention: 'As long as the team uses PeerLearn; nothing to erase.',
  find: () => Promise.resolve([]),
  erase: () => Promise.resolve(NOTHING),
};
