import { deliveredKey, personAddressKey } from '../shared/keys';
import { removeAll, rowHoldsId, singleRowRule, tenantPartitions, textNames } from './privacy-rule';
import type { PersonInView, PrivacyRule } from './privacy-rule';
import type { StoredEntity } from '../shared/storage-table';

/** A delivery row names the person by id, by their 1:1 conversation, or (in a parked card) by name. */
const names = (row: StoredEntity, who: PersonInView): boolean =>
  rowHoldsId(row, who.person.userId) ||
  Object.entries(row).some(([name, value]) => name !== 'etag' && typeof value === 'string' && textNames(value, who));

export const addressesRule = singleRowRule(
  "Where the bot can post: each team's channel address and each person's 1:1 chat with the bot.",
  "A person's address (written only from their own activity): until they erase their data. A team's: until PeerLearn is removed from the team or the team is deleted.",
  (person) => personAddressKey(person.tenantId, person.userId),
);

export const deliveredRule: PrivacyRule = {
  purpose: 'Which message was already posted where (its idempotency key and Teams activity), so a retried job never posts twice.',
  retention:
    'DELIVERY_RETENTION_DAYS (30) plus 7 days after it was last needed (posted, its session ended, or a job still ran against it), then the retention sweep deletes it. Rows that name an erased person are deleted at once.',
  async find(table, who) {
    const { partitionKey } = deliveredKey(who.person.tenantId, 'any');
    const rows = await table.listPartition(partitionKey);
    return rows.filter((row) => names(row, who));
  },
  erase: (table, rows) => removeAll(table, rows),
};

export const parkedRule: PrivacyRule = {
  purpose: 'Messages Teams would not take (or that had nowhere to go), kept for the team owner to retry or dismiss.',
  retention:
    'Until the team owner retries or dismisses them, at most DELIVERY_RETENTION_DAYS (30) after parking (longer only while a retry is pending). Rows that name an erased person are deleted.',
  async find(table, who) {
    // `tenant|team` partitions and the `tenant||none` one both lie in the tenant's range.
    const { from, to } = tenantPartitions(who.person.tenantId);
    const rows = await table.listPartitions(from, to);
    return rows.filter((row) => names(row, who));
  },
  erase: (table, rows) => removeAll(table, rows),
};
