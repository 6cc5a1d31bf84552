import { odata } from '@azure/data-tables';
import { InvalidCursorError } from '../../domain/shared/repositories';
import type { TipPage, TipRepository } from '../../domain/shared/repositories';
import type { Tip } from '../../domain/tips/tip';
import { isTipRowKey, tipsPartition } from '../shared/keys';
import type { StorageTable } from '../shared/storage-table';
import { tipFromEntity, tipKeyOf, tipToEntity } from './tip-mapper';

/** Rows read per request while filtering; a team's tips are few, so one or two pages answer most searches. */
const SCAN_PAGE = 200;
/**
 * A search that matches almost nothing stops after this many rows and hands back a cursor, so one
 * request never reads an unbounded partition; the next page carries on where it stopped.
 */
const SCAN_LIMIT = 2000;

const encodeCursor = (rowKey: string): string => Buffer.from(rowKey, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const rowKey = /^[A-Za-z0-9_-]{1,600}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!isTipRowKey(rowKey)) throw new InvalidCursorError('The paging cursor is not one this list made.');
  return rowKey;
}

export class TableTipRepository implements TipRepository {
  constructor(private readonly table: StorageTable) {}

  async add(tip: Tip): Promise<void> {
    await this.table.create(tipToEntity(tip));
  }

  // The RowKey starts with the time, so a lookup by id filters on the tipId property: one partition
  // query, used only by delete (rare); listing never needs it.
  async get(tenantId: string, teamId: string, tipId: string): Promise<Tip | undefined> {
    const rows = await this.table.listPartitionWhere(tipsPartition(tenantId, teamId), odata`tipId eq ${tipId}`);
    const row = rows[0];
    return row && tipFromEntity(row);
  }

  async remove(tip: Pick<Tip, 'tenantId' | 'teamId' | 'tipId' | 'createdAt'>): Promise<void> {
    await this.table.delete(tipKeyOf(tip));
  }

  async list(
    tenantId: string,
    teamId: string,
    options: { readonly limit: number; readonly cursor?: string; readonly matches?: (tip: Tip) => boolean },
  ): Promise<TipPage> {
    const partition = tipsPartition(tenantId, teamId);
    const matches = options.matches ?? (() => true);
    const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
    let token: string | undefined;
    let scanned = 0;
    const found: { tip: Tip; rowKey: string }[] = [];
    // One row more than asked tells whether another page exists.
    while (found.length <= options.limit) {
      const page = await this.table.listPage(partition, {
        ...(after !== undefined ? { afterRowKey: after } : {}),
        pageSize: SCAN_PAGE,
        ...(token ? { continuationToken: token } : {}),
      });
      for (const row of page.rows) {
        scanned += 1;
        const tip = tipFromEntity(row);
        if (matches(tip)) found.push({ tip, rowKey: row.rowKey ?? '' });
        if (found.length > options.limit) break;
      }
      token = page.continuationToken;
      if (found.length > options.limit || !token) break;
      if (scanned >= SCAN_LIMIT) {
        // Stop scanning; continue after the last row read, even though it did not match.
        const last = page.rows[page.rows.length - 1]?.rowKey;
        const shown = found.slice(0, options.limit);
        const cursorRow = last ?? shown[shown.length - 1]?.rowKey;
        return { tips: shown.map((f) => f.tip), ...(cursorRow ? { cursor: encodeCursor(cursorRow) } : {}) };
      }
    }
    const shown = found.slice(0, options.limit);
    const more = found.length > options.limit;
    const last = shown[shown.length - 1];
    return { tips: shown.map((f) => f.tip), ...(more && last ? { cursor: encodeCursor(last.rowKey) } : {}) };
  }
}
