import { odata } from '@azure/data-tables';
import type { TableClient, TableEntity, TableEntityResult, TransactionAction } from '@azure/data-tables';
import { PING_KEY } from './keys';
import type { EntityKey } from './keys';
import { forEachPage, listAll } from './paging';
import { guard, statusOf } from './storage-errors';
import { forEachLimited } from '../../domain/shared/each-limited';
import { chunkByPartition } from './transactions';

type EntityProperties = Record<string, unknown>;
/** A row as read back, with its ETag; only mappers look inside. */
export type StoredEntity = TableEntityResult<EntityProperties>;
/** A row to write: keys plus properties that are strings, numbers, booleans or bytes (Edm.Binary). */
export type NewEntity = TableEntity<Record<string, string | number | boolean | Uint8Array>>;

// Partitions written side by side by putMany; one partition's chunks go one after another.
const PARTITIONS_IN_FLIGHT = 4;
// Azure Table Storage allows 15 discrete comparisons in a $filter: getRows spends 3 on the partition and the RowKey range.
const ROW_KEYS_PER_QUERY = 12;

/**
 * One table, with the error policy in one place: 404 on a read is "not there"; network and 5xx
 * failures and a missing table become StorageUnavailableError; 404/409/412 on writes stay visible
 * for the ETag retry loop.
 */
export class StorageTable {
  constructor(
    readonly name: string,
    private readonly client: TableClient,
  ) {}

  async get(key: EntityKey): Promise<StoredEntity | undefined> {
    try {
      return await guard(`reading ${this.name}`, () => this.client.getEntity<EntityProperties>(key.partitionKey, key.rowKey));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async create(entity: NewEntity): Promise<void> {
    await guard(`creating a row in ${this.name}`, () => this.client.createEntity(entity));
  }

  /** Creates or replaces the whole row (no merge with stale properties). */
  async upsert(entity: NewEntity): Promise<void> {
    await guard(`writing ${this.name}`, () => this.client.upsertEntity(entity, 'Replace'));
  }

  /** Replaces the row only if it still carries `etag`; a 412 tells the caller to read again. */
  async replace(entity: NewEntity, etag: string): Promise<void> {
    await guard(`updating ${this.name}`, () => this.client.updateEntity(entity, 'Replace', { etag }));
  }

  async delete(key: EntityKey): Promise<void> {
    try {
      await guard(`deleting from ${this.name}`, () => this.client.deleteEntity(key.partitionKey, key.rowKey));
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  /** Every row of one partition, all pages; `exceptRowKey` leaves out a bookkeeping row. */
  async listPartition(partitionKey: string, options: { readonly exceptRowKey?: string } = {}): Promise<StoredEntity[]> {
    const { exceptRowKey } = options;
    const filter =
      exceptRowKey === undefined
        ? odata`PartitionKey eq ${partitionKey}`
        : odata`PartitionKey eq ${partitionKey} and RowKey ne ${exceptRowKey}`;
    return guard(`listing ${this.name}`, () => listAll(this.client.listEntities<EntityProperties>({ queryOptions: { filter } })));
  }

  /** Every row of one partition, a page at a time: for a partition too large to hold whole (a tenant's profiles). */
  async forEachInPartition(partitionKey: string, onPage: (rows: readonly StoredEntity[]) => void): Promise<void> {
    const filter = odata`PartitionKey eq ${partitionKey}`;
    await guard(`listing ${this.name}`, () =>
      forEachPage(this.client.listEntities<EntityProperties>({ queryOptions: { filter } }), onPage),
    );
  }

  /**
   * Rows of every partition whose PartitionKey lies in [from, to) and that match `where` (built with
   * the `odata` tag) when given, all pages: one tenant's rows of a table whose partitions start with it.
   */
  async listPartitions(from: string, to: string, where?: string): Promise<StoredEntity[]> {
    const range = odata`PartitionKey ge ${from} and PartitionKey lt ${to}`;
    const filter = where === undefined ? range : `${range} and (${where})`;
    return guard(`listing ${this.name}`, () => listAll(this.client.listEntities<EntityProperties>({ queryOptions: { filter } })));
  }

  /** Every row of one partition with only these properties (and the keys): a cheap list of what is there. */
  async listPartitionSelect(partitionKey: string, select: readonly string[]): Promise<StoredEntity[]> {
    const filter = odata`PartitionKey eq ${partitionKey}`;
    return guard(`listing ${this.name}`, () =>
      listAll(this.client.listEntities<EntityProperties>({ queryOptions: { filter, select: [...select] } })),
    );
  }

  /** The first `limit` rows of one partition whose RowKey is below `to`, in RowKey order (pages followed, empty ones too). */
  async listFirstBelow(partitionKey: string, to: string, limit: number): Promise<StoredEntity[]> {
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey lt ${to}`;
    return guard(`listing ${this.name}`, async () => {
      const rows: StoredEntity[] = [];
      const pages = this.client.listEntities<EntityProperties>({ queryOptions: { filter } }).byPage({ maxPageSize: Math.min(limit, 1000) });
      for await (const page of pages) {
        rows.push(...page);
        if (rows.length >= limit) break;
      }
      return rows.slice(0, limit);
    });
  }

  /** Rows of one partition whose RowKey lies in [from, to), in RowKey order, all pages. */
  async listRange(partitionKey: string, from: string, to: string): Promise<StoredEntity[]> {
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to}`;
    return guard(`listing ${this.name}`, () => listAll(this.client.listEntities<EntityProperties>({ queryOptions: { filter } })));
  }

  /**
   * These rows of one partition, in the order of `rowKeys` (undefined where there is none): a query per
   * 12 rows instead of a point read each (one row's range is that row alone). Azure Table Storage refuses a
   * $filter of more than 15 discrete comparisons (Azurite does not): the partition's `PartitionKey eq`,
   * the two RowKey bounds and 12 RowKeys. It answers an `or` of RowKeys by scanning, so the keys are
   * sorted and each query is bounded by its first and last key: the scan stays inside their range, and
   * the queries for many keys of a large partition (a burst's people in a team of thousands) scan it
   * about once in all, not once each.
   */
  async getRows(partitionKey: string, rowKeys: readonly string[]): Promise<(StoredEntity | undefined)[]> {
    const unique = [...new Set(rowKeys)].sort();
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += ROW_KEYS_PER_QUERY) chunks.push(unique.slice(i, i + ROW_KEYS_PER_QUERY));
    const found = await Promise.all(
      chunks.map((chunk) => {
        const first = chunk[0] ?? '';
        const last = chunk.at(-1) ?? first;
        const keys = chunk.map((rowKey) => odata`RowKey eq ${rowKey}`).join(' or ');
        // One flat conjunction, so the service takes the partition and the range as the query's bounds.
        const filter = `${odata`PartitionKey eq ${partitionKey} and RowKey ge ${first} and RowKey le ${last}`} and (${keys})`;
        return guard(`listing ${this.name}`, () => listAll(this.client.listEntities<EntityProperties>({ queryOptions: { filter } })));
      }),
    );
    const byKey = new Map(found.flat().map((e) => [e.rowKey, e]));
    return rowKeys.map((rowKey) => byKey.get(rowKey));
  }

  /** Rows of one partition that also match `where` (built with the `odata` tag), all pages; only the `select` properties (and keys and ETag) when given. */
  async listPartitionWhere(partitionKey: string, where: string, select?: readonly string[]): Promise<StoredEntity[]> {
    const filter = `${odata`PartitionKey eq ${partitionKey}`} and (${where})`;
    const queryOptions = select ? { filter, select: [...select] } : { filter };
    return guard(`listing ${this.name}`, () => listAll(this.client.listEntities<EntityProperties>({ queryOptions })));
  }

  /**
   * One page of a partition in RowKey order, after `afterRowKey` when given. A page may be empty and
   * still carry a token (the service stops on time limits): the caller goes on while there is a token.
   */
  async listPage(
    partitionKey: string,
    options: { readonly afterRowKey?: string; readonly pageSize: number; readonly continuationToken?: string },
  ): Promise<{ readonly rows: StoredEntity[]; readonly continuationToken?: string }> {
    const filter =
      options.afterRowKey === undefined
        ? odata`PartitionKey eq ${partitionKey}`
        : odata`PartitionKey eq ${partitionKey} and RowKey gt ${options.afterRowKey}`;
    return guard(`listing ${this.name}`, async () => {
      const settings = {
        maxPageSize: options.pageSize,
        ...(options.continuationToken ? { continuationToken: options.continuationToken } : {}),
      };
      const next = await this.client.listEntities<EntityProperties>({ queryOptions: { filter } }).byPage(settings).next();
      if (next.done) return { rows: [] };
      const page = next.value;
      return { rows: [...page], ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}) };
    });
  }

  /**
   * One page of the rows of every partition that match `where` (built with the `odata` tag): for
   * table-wide housekeeping such as the retention sweep. A page may be empty and still carry a token.
   */
  async listPageWhere(
    where: string,
    options: { readonly pageSize: number; readonly continuationToken?: string },
  ): Promise<{ readonly rows: StoredEntity[]; readonly continuationToken?: string }> {
    return guard(`listing ${this.name}`, async () => {
      const settings = {
        maxPageSize: options.pageSize,
        ...(options.continuationToken ? { continuationToken: options.continuationToken } : {}),
      };
      const next = await this.client
        .listEntities<EntityProperties>({ queryOptions: { filter: where } })
        .byPage(settings)
        .next();
      if (next.done) return { rows: [] };
      const page = next.value;
      return { rows: [...page], ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}) };
    });
  }

  /** Whether any row of the partition matches `where`; reads keys only and stops at the first hit. */
  async anyInPartitionWhere(partitionKey: string, where: string): Promise<boolean> {
    const filter = `${odata`PartitionKey eq ${partitionKey}`} and (${where})`;
    return guard(`reading ${this.name}`, async () => {
      // A page may be empty and still carry a token (the service stops scanning on time limits), so follow tokens.
      const pages = this.client.listEntities<EntityProperties>({ queryOptions: { filter, select: ['RowKey'] } }).byPage({ maxPageSize: 1 });
      for await (const page of pages) if (page.length > 0) return true;
      return false;
    });
  }

  /** All operations must target one partition; the service applies all of them or none. */
  async transaction(actions: TransactionAction[]): Promise<void> {
    await guard(`writing a transaction to ${this.name}`, () => this.client.submitTransaction(actions));
  }

  /**
   * Upserts (Replace) rows in transactions of at most 100 per partition. Not atomic across chunks. A
   * partition's single row is a plain upsert: the same write, without a multipart batch to build and
   * parse (a burst of first-time RSVPs writes one membership row in each person's own partition).
   */
  async putMany(entities: readonly NewEntity[]): Promise<void> {
    await forEachLimited(chunkByPartition(entities), PARTITIONS_IN_FLIGHT, async (chunks) => {
      for (const chunk of chunks) {
        const [only] = chunk;
        if (chunk.length === 1 && only) await this.upsert(only);
        else await this.transaction(chunk.map((entity): TransactionAction => ['upsert', entity, 'Replace']));
      }
    });
  }

  /**
   * Deletes rows in transactions of at most 100 per partition. A row already gone is fine: a
   * transaction that names one fails whole (404), and that chunk is deleted row by row instead, so
   * two instances deleting the same rows (or a retry after a crash) do no harm.
   */
  async deleteMany(keys: readonly EntityKey[]): Promise<void> {
    await forEachLimited(chunkByPartition(keys), PARTITIONS_IN_FLIGHT, async (chunks) => {
      for (const chunk of chunks) {
        try {
          await this.transaction(chunk.map((key): TransactionAction => ['delete', { partitionKey: key.partitionKey, rowKey: key.rowKey }]));
        } catch (error) {
          if (statusOf(error) !== 404) throw error;
          await forEachLimited(chunk, PARTITIONS_IN_FLIGHT, (key) => this.delete(key));
        }
      }
    });
  }

  async ensureCreated(): Promise<void> {
    // createTable already ignores "TableAlreadyExists".
    await guard(`creating table ${this.name}`, () => this.client.createTable());
  }

  /** A one-partition query that finds nothing: a cheap round trip that also notices a missing table. */
  async ping(): Promise<void> {
    await guard(`checking ${this.name}`, async () => {
      const filter = odata`PartitionKey eq ${PING_KEY.partitionKey}`;
      await this.client.listEntities({ queryOptions: { filter } }).byPage({ maxPageSize: 1 }).next();
    });
  }
}
