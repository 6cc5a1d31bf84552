import type { EntityKey } from '../shared/keys';
import { MAX_PAGE_SIZE } from '../shared/paging';
import type { StorageTable, StoredEntity } from '../shared/storage-table';

/**
 * Deletes, page by page across the whole table, the rows `where` finds and `expired` confirms (the
 * filter narrows on the row's own time property; the check decides, e.g. a later `keepUntil`). Each
 * page's rows go in transactions per partition (deleteMany: a row already gone is fine), so a sweep
 * that runs twice, or on two instances at once, does no harm. Answers how many rows it deleted.
 */
export async function sweepRows(table: StorageTable, where: string, expired: (row: StoredEntity) => boolean): Promise<number> {
  let deleted = 0;
  let continuationToken: string | undefined;
  do {
    const page = await table.listPageWhere(where, { pageSize: MAX_PAGE_SIZE, ...(continuationToken ? { continuationToken } : {}) });
    const keys: EntityKey[] = page.rows
      .filter(expired)
      .flatMap((row) =>
        row.partitionKey !== undefined && row.rowKey !== undefined ? [{ partitionKey: row.partitionKey, rowKey: row.rowKey }] : [],
      );
    await table.deleteMany(keys);
    deleted += keys.length;
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return deleted;
}
