import type { EntityKey } from './keys';

/** Table Storage accepts at most 100 operations in one entity-group transaction. */
export const MAX_TRANSACTION_OPERATIONS = 100;

/**
 * Groups rows by partition (a transaction may touch one partition only) and cuts each group into
 * chunks of at most `size`: the result is partitions → chunks → rows. A row given twice keeps its
 * last version, because a transaction that names the same row twice is rejected as a whole.
 */
export function chunkByPartition<T extends EntityKey>(rows: readonly T[], size: number = MAX_TRANSACTION_OPERATIONS): T[][][] {
  const byPartition = new Map<string, Map<string, T>>();
  for (const row of rows) {
    let partition = byPartition.get(row.partitionKey);
    if (!partition) {
      partition = new Map();
      byPartition.set(row.partitionKey, partition);
    }
    partition.set(row.rowKey, row);
  }
  return [...byPartition.values()].map((partition) => {
    const list = [...partition.values()];
    const chunks: T[][] = [];
    for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
    return chunks;
  });
}
