import { z } from 'zod';
import type { RequestAlertClaim, RequestAlertClaimRepository } from '../../domain/requests/request-alerts';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { requestAlertKey, TABLES } from '../shared/keys';
import { isLostRace } from '../shared/storage-errors';
import type { StorageTable } from '../shared/storage-table';

const claimRow = z.object({
  tenantId: id,
  userId: id,
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  teamId: id,
  requestId: id,
  claimedAt: isoTime,
});

const keyOf = (c: Pick<RequestAlertClaim, 'tenantId' | 'userId' | 'day'>) => requestAlertKey(c.tenantId, c.userId, c.day);

/** A few tries: a claim lost to a row that was then erased (404 on the read) is tried again. */
const ATTEMPTS = 3;

/** The day's alert claims (issue #12): insert-only, so whoever creates the row first holds the day. */
export class TableRequestAlertRepository implements RequestAlertClaimRepository {
  constructor(private readonly table: StorageTable) {}

  async claim(claim: RequestAlertClaim): Promise<RequestAlertClaim> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.table.create(toEntity(keyOf(claim), { ...claim }));
        return claim;
      } catch (error) {
        if (!isLostRace(error) || attempt >= ATTEMPTS) throw error;
      }
      const row = await this.table.get(keyOf(claim));
      if (row) return parseRow(TABLES.requestAlerts, row, claimRow, keyOf);
    }
  }
}
