import { randomUUID } from 'node:crypto';
import type { EraseCounts } from '../../domain/privacy/personal-data';
import { idListOf, isPartOf, rewriteIdList } from '../insights/insights-mappers';
import type { StoredEntity } from '../shared/storage-table';
import { NOTHING, rewrite, sum, tenantPartitions } from './privacy-rule';
import type { EraseContext, PrivacyRule } from './privacy-rule';

/** The id lists of each kind of row: facts name teachers and attendees, periods teachers and learners. */
const LISTS = ['teacherIds', 'attendeeIds', 'learnerIds'] as const;

/** Whether a fact or period row holds the id in one of its lists. */
const listsName = (row: StoredEntity, userId: string): boolean => LISTS.some((name) => idListOf(row, name).includes(userId));

/**
 * The row as the person may see it in an export: that they are in it (and as what), never the other
 * ids of the lists, which name colleagues.
 */
function asSeenBy(row: StoredEntity, userId: string): StoredEntity {
  const seen = Object.fromEntries(Object.entries(row).filter(([key]) => !LISTS.some((name) => isPartOf(name, key)))) as StoredEntity;
  for (const name of LISTS) {
    const ids = idListOf(row, name);
    if (ids.length > 0 || row[`${name}Parts`] !== undefined) seen[`youAreIn_${name}`] = ids.includes(userId);
  }
  return seen;
}

/**
 * One token per erase, shared by both tables (the store hands every rule the same context): the person
 * still counts once in every distinct total, as nobody in particular, also when a period is later
 * rebuilt from the facts.
 */
const tokens = new WeakMap<EraseContext, string>();
function tokenFor(context: EraseContext): string {
  let token = tokens.get(context);
  if (!token) {
    token = `~erased-${randomUUID()}`;
    tokens.set(context, token);
  }
  return token;
}

/** Both insights tables hold people only as ids in lists: one way to find and erase them. */
const idListsRule = (purpose: string): PrivacyRule => ({
  purpose,
  retention:
    'As long as the team uses PeerLearn. An erase replaces the person\u2019s id in every row with one anonymous token (the same within one erase, so distinct counts stay right); the rows hold nothing else about a person.',
  async find(table, who) {
    const { from, to } = tenantPartitions(who.person.tenantId);
    // The ids are in JSON lists no filter can search: the tenant's rows are read and parsed (an erase or export is rare).
    const rows = await table.listPartitions(from, to);
    return rows.filter((row) => listsName(row, who.person.userId)).map((row) => asSeenBy(row, who.person.userId));
  },
  async erase(table, rows, context) {
    const { userId } = context.person;
    const token = tokenFor(context);
    const counts: EraseCounts[] = [];
    for (const seen of rows) {
      const row = await table.get({ partitionKey: seen.partitionKey ?? '', rowKey: seen.rowKey ?? '' });
      if (!row || !listsName(row, userId)) {
        counts.push(NOTHING);
        continue;
      }
      const changed = await rewrite(table, row, (current) =>
        LISTS.reduce(
          (entity, name) =>
            entity[`${name}Parts`] === undefined
              ? entity
              : rewriteIdList(entity, name, (ids) => ids.map((id) => (id === userId ? token : id))),
          current,
        ),
      );
      counts.push(changed ? { removed: 0, anonymised: 1 } : NOTHING);
    }
    return sum(counts);
  },
});

export const insightsRule = idListsRule(
  'Insights: per week and month of a team, sessions held, attendances and feedback sums (never a rating per person), with the distinct people who taught and learned, so a team sees whether peer learning works and its owners see who has been quiet. An export shows only that the person is in a row, not who else is.',
);

export const insightFactsRule = idListsRule(
  'Insights: per held session, who taught and who attended (confirmed places), its skills and feedback sums: what the week and month rows are summed from. An export shows only that the person is in a row, not who else is.',
);
