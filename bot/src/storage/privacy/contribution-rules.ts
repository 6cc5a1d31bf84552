import { odata } from '@azure/data-tables';
import { FORMER_COLLEAGUE_ID } from '../../domain/shared/person';
import { NOTHING, removeAll, rewrite, sum, tenantPartitions, textNames } from './privacy-rule';
import type { EraseContext, PrivacyRule } from './privacy-rule';
import type { NewEntity, StorageTable, StoredEntity } from '../shared/storage-table';

/** Puts the former colleague where the person stood in these fields; true when the row changed. */
function replaceIn(fields: readonly string[], context: EraseContext): (current: NewEntity) => NewEntity | undefined {
  return (current) => {
    const next = { ...current };
    let changed = false;
    for (const field of fields) {
      if (next[field] === context.person.userId) {
        next[field] = FORMER_COLLEAGUE_ID;
        changed = true;
      }
    }
    return changed ? next : undefined;
  };
}

async function anonymiseAll(table: StorageTable, rows: readonly StoredEntity[], change: (current: NewEntity) => NewEntity | undefined) {
  const counts = [];
  for (const row of rows) counts.push((await rewrite(table, row, change)) ? { removed: 0, anonymised: 1 } : NOTHING);
  return sum(counts);
}

export const kudosRule: PrivacyRule = {
  purpose: "Kudos: a thank-you from one colleague to another, shown on the team's kudos wall and posted in a channel.",
  retention:
    'As long as the team uses PeerLearn. After an erase the kudos stays for the other person with "a former colleague" in its place; a message that names the erased person loses its text.',
  find(table, who) {
    const { from, to } = tenantPartitions(who.person.tenantId);
    const { userId } = who.person;
    return table.listPartitions(from, to, odata`fromUserId eq ${userId} or toUserId eq ${userId}`);
  },
  erase(table, rows, context) {
    return anonymiseAll(table, rows, (current) => {
      const next = replaceIn(['fromUserId', 'toUserId'], context)(current);
      if (next && typeof next['message'] === 'string' && textNames(next['message'], context)) next['message'] = '';
      return next;
    });
  },
};

export const tipsRule: PrivacyRule = {
  purpose: 'Tips and training material shared in a team: title, text, link, skills and who shared it.',
  retention:
    'As long as the team uses PeerLearn. On erase, as the person chooses: kept for the team without their name ("a former colleague"), or deleted.',
  find(table, who) {
    const { from, to } = tenantPartitions(who.person.tenantId);
    return table.listPartitions(from, to, odata`authorUserId eq ${who.person.userId}`);
  },
  erase(table, rows, context) {
    if (context.contributions === 'remove') return removeAll(table, rows);
    return anonymiseAll(table, rows, replaceIn(['authorUserId'], context));
  },
};

export const learningRequestsRule: PrivacyRule = {
  purpose:
    'Learning requests ("who can teach X?"), who asked, who took one on, and one +1 vote row per person (the count is kept on the request).',
  retention:
    'As long as the team uses PeerLearn. On erase the person\'s votes go (the request keeps its count); requests they asked are kept without their name or deleted, as they choose; one they took on shows "a former colleague".',
  find(table, who) {
    const { from, to } = tenantPartitions(who.person.tenantId);
    const { userId } = who.person;
    return table.listPartitions(from, to, odata`authorUserId eq ${userId} or takenBy eq ${userId} or userId eq ${userId}`);
  },
  async erase(table, rows, context) {
    const { userId } = context.person;
    const votes = rows.filter((r) => r['userId'] === userId);
    const requests = rows.filter((r) => !votes.includes(r));
    const counts = [await removeAll(table, votes)];
    for (const request of requests) {
      if (context.contributions === 'remove' && request['authorUserId'] === userId) {
        // The request's other rows (votes of others, the skill's open-request marker) first: the request row is what finds them again after a crash.
        const others = await table.listPartitionWhere(request.partitionKey ?? '', odata`requestId eq ${String(request['requestId'])}`);
        await removeAll(
          table,
          others.filter((r) => r.rowKey !== request.rowKey),
        );
        counts.push(await removeAll(table, [request]));
      } else {
        counts.push(await anonymiseAll(table, [request], replaceIn(['authorUserId', 'takenBy'], context)));
      }
    }
    return sum(counts);
  },
};
