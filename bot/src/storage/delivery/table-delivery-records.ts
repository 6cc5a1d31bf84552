import { z } from 'zod';
import type { DeliveryRecord, DeliveryRecords } from '../../domain/delivery/delivery';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { deliveredKey, DELIVERY_TABLES } from '../shared/keys';
import type { StorageTable } from '../shared/storage-table';

const row = z.object({ tenantId: id, key: id, conversationId: id, activityId: id, postedAt: isoTime });

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
      }),
    );
  }
}
