import { requestAlertsPartition } from '../shared/keys';
import { removeAll } from './privacy-rule';
import type { PrivacyRule } from './privacy-rule';

export const requestAlertsRule: PrivacyRule = {
  purpose:
    'Learning requests: on which days the person was told about a new learning request for a skill they teach (day, team, request), so they hear at most one such alert a day.',
  retention: 'Until the person erases their data; an erase deletes every row.',
  // One partition per person: the export holds all of it.
  find: (table, who) => table.listPartition(requestAlertsPartition(who.person.tenantId, who.person.userId)),
  erase: (table, rows) => removeAll(table, rows),
};
