import { odata } from '@azure/data-tables';
import { endorsementsPartition, profileChangesPartition, profileKey, teamsPartition, tenantKey } from '../shared/keys';
import { NOTHING, removeAll, rewrite, rowHoldsId, singleRowRule, stripId, sum, tenantPartitions, withoutInJsonList } from './privacy-rule';
import type { PrivacyRule } from './privacy-rule';

/** Tenant and team rows: today they hold no person; a field added later that holds an id (an installer, owners) loses it. */
const holderRule = (purpose: string, partitionOf: (tenantId: string) => string): PrivacyRule => ({
  purpose,
  retention: 'As long as PeerLearn is installed in the organisation or team.',
  async find(table, who) {
    const rows = await table.listPartition(partitionOf(who.person.tenantId));
    return rows.filter((row) => rowHoldsId(row, who.person.userId));
  },
  async erase(table, rows, context) {
    let anonymised = 0;
    for (const row of rows) if (await rewrite(table, row, (current) => stripId(current, context.person.userId))) anonymised += 1;
    return { removed: 0, anonymised };
  },
});

export const tenantsRule = holderRule('The organisations that use PeerLearn: their name and since when.', (t) => tenantKey(t).partitionKey);

export const teamsRule = holderRule(
  'The teams PeerLearn is installed in: name, channels, language, time zone, reminder times.',
  teamsPartition,
);

export const membershipsRule: PrivacyRule = {
  purpose: 'Who is in which team and as what (owner or member), kept twice: under the team and under the person.',
  retention:
    "Ids, role, join date and the roster's display name only, while the person is in the team; removed when they leave, and for the whole team when PeerLearn is removed from it or the team is deleted.",
  async find(table, who) {
    const where = odata`userId eq ${who.person.userId}`;
    const byTeam = tenantPartitions(who.person.tenantId, 'team|');
    const byUser = tenantPartitions(who.person.tenantId, 'user|');
    const [teamRows, userRows] = await Promise.all([
      table.listPartitions(byTeam.from, byTeam.to, where),
      table.listPartitions(byUser.from, byUser.to, where),
    ]);
    // The team's copy first: the person's own partition is what finds the rest after a crash.
    return [...teamRows, ...userRows];
  },
  erase: (table, rows) => removeAll(table, rows),
};

export const profilesRule = singleRowRule(
  'Your profile: name, email, language, bio, skills you teach and want to learn, languages, availability.',
  'Created only when the person uses PeerLearn themself (never from a roster read); kept until they erase their data. Only people who list a skill they teach appear in expert search.',
  (person) => profileKey(person.tenantId, person.userId),
);

export const endorsementsRule: PrivacyRule = {
  purpose: 'Expert search: who vouched for whose skill, so search ranks people others endorse.',
  retention: 'Until the endorsed person or the endorser erases their data.',
  find(table, who) {
    const { userId } = who.person;
    return table.listPartitionWhere(endorsementsPartition(who.person.tenantId), odata`userId eq ${userId} or endorserId eq ${userId}`);
  },
  async erase(table, rows, context) {
    // An endorsement the person gave counts for someone else: their entry in expert search changes too.
    for (const row of rows)
      if (row['userId'] !== context.person.userId && typeof row['userId'] === 'string') context.changedPeople.add(row['userId']);
    return removeAll(table, rows);
  },
};

export const profileChangesRule: PrivacyRule = {
  purpose:
    'Expert search change feed: "these profiles changed", so every server instance refreshes its search index within seconds. ' +
    "After an erase it holds one removal entry with a one-way hash of the person, never their id, so every instance's index forgets them.",
  retention: 'One hour: older entries are deleted by the instances that read the feed.',
  async find(table, who) {
    const rows = await table.listPartition(profileChangesPartition(who.person.tenantId));
    return rows.filter((row) => typeof row['userIds'] === 'string' && withoutInJsonList(row['userIds'], who.person.userId) !== undefined);
  },
  async erase(table, rows, context) {
    const counts = [];
    for (const row of rows) {
      const rest = withoutInJsonList(String(row['userIds']), context.person.userId);
      if (rest === '[]') {
        counts.push(await removeAll(table, [row]));
        continue;
      }
      // A change that also named others stays for them.
      const changed = await rewrite(table, row, (current) => {
        const left = withoutInJsonList(String(current['userIds']), context.person.userId);
        return left === undefined ? undefined : { ...current, userIds: left };
      });
      counts.push(changed ? { removed: 0, anonymised: 1 } : NOTHING);
    }
    return sum(counts);
  },
};

export const expertSnapshotsRule: PrivacyRule = {
  purpose:
    "Expert search snapshot: each tenant's search index packed in binary chunks (names, e-mail, skills with levels and endorsement counts, " +
    'languages, availability, the words of the bio, sessions taught), so a starting instance warms without reading every profile. ' +
    'It is derived from the profiles and endorsements and holds nothing else: an export shows those tables, not this copy.',
  retention:
    'Replaced by a newer snapshot within minutes of changes (at most every 20 minutes while an instance runs); only the newest is kept. ' +
    'After an erase, the removal entry in the change feed makes every instance drop the person when it loads a snapshot, and the next ' +
    'snapshot (written as soon as an instance has read the erase) leaves them out; a snapshot older than the feed keeps is never loaded.',
  // Derived data (like the search index in memory): the export holds the profile and endorsements it is made from.
  find: () => Promise.resolve([]),
  erase: () => Promise.resolve(NOTHING),
};
