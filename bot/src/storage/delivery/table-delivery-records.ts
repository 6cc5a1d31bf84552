import { odata } from '@azure/data-tables';
import { z } from 'zod';
import { recordTimeOf } from '../../domain/delivery/delivery';
import type { DeliveryRecord, DeliveryRecords } from '../../domain/delivery/delivery';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { deliveredKey, DELIVERY_TABLES } from '../shared/keys';
import type { StorageTable } from '../shared/storage-table';
import { sweepRows } from './sweep-rows';

// keepUntil came with the retention sweep (issue #15): older rows have none and count from postedAt.
const row = z.object({ tenantId: id, key: id, conversationId: id, activityId: id, postedAt: isoTime, keepUntil: isoTime.exactOptional() });
const timesOnly = z.object({ postedAt: isoTime, keepUntil: isoTime.exactOptional() });

/** The idempotency record in plDelivered: message key → the activity Teams created for it. */
export class TableDeliveryRecords implements DeliveryRecords {
  constructor(private readonly table: StorageTable) {}

  async get(tenantId: string, key: string): Promise<DeliveryRecord | undefined> {
    const entity = await this.table.get(deliveredKey(tenantId, key));
    return entity && parseRow(DELIVERY_TABLES.delivered, entity, row, (r) => deliveredKey(r.tenantId, r.key));
  }

  async put(r: DeliveryRecord): Promise<void> {
    await this.table.upsert(
      toEntity(deliveredKey(r.tenantId, r.key), {
        tenantId: r.tenantId,
        key: r.key,
        conversationId: r.conversationId,
        activityId: r.activityId,
        postedAt: r.postedAt,
        keepUntil: r.keepUntil,
      }),
    );
  }

  /**
   * The storage service narrows to rows posted before `before` (ISO times compare as text); a later
   * `keepUntil` (an invite whose session has not ended long enough) keeps a row. A row whose times
   * cannot be read is left for a person to look at, never deleted blindly.
   */
  async sweep(before: Date): Promise<number> {
    const cutoff = before.toISOString();
    return sweepRows(this.table, odata`postedAt lt ${cutoff}`, (entity) => {
      const times = timesOnly.safeParse(entity);
      return times.success && recordTimeOf(times.data) < cutoff;
    });
  }
}
