import { randomUUID } from 'node:crypto';
import type { IndexSnapshot, IndexSnapshotStore } from '../../domain/experts/expert-ports';
import { forEachLimited } from '../../domain/shared/each-limited';
import { EXPERT_SNAPSHOT_HEAD_ROW, expertSnapshotChunkRowKey, expertSnapshotPartition } from '../shared/keys';
import { isLostRace } from '../shared/storage-errors';
import type { NewEntity, StorageTable, StoredEntity } from '../shared/storage-table';
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_FORMAT } from './snapshot-codec';

/** Table Storage takes binary properties of at most 64 KiB. */
const PART_BYTES = 64 * 1024;
/**
 * Parts per chunk row. An entity may hold 1 MiB; Azurite counts the request's JSON, where bytes are
 * base64 (4/3 larger): 11 parts are 704 KiB of bytes, 939 KiB as base64, under both limits.
 */
const PARTS_PER_CHUNK = 11;
const CHUNK_BYTES = PART_BYTES * PARTS_PER_CHUNK;
const IN_FLIGHT = 4;
/** A generation older than this that no head names was left by a writer that stopped midway: removed. */
const ORPHAN_AFTER_MS = 10 * 60_000;
/** A read that finds a chunk gone (a newer generation replaced it meanwhile) starts over this often. */
const READ_ATTEMPTS = 3;

interface Head {
  readonly format: number;
  readonly generation: string;
  readonly chunks: number;
  readonly etag: string;
}

/**
 * Index snapshots in `plExpertSnapshots` (docs/EXPERT-SEARCH.md, "Snapshot"). A write puts its chunks
 * under a new generation, then moves the head row to it under the head's ETag: a reader sees either
 * the old snapshot or the new one, whole; two writers never mix chunks (the one that loses the head
 * removes its own). The previous generation is removed after the move.
 */
export class TableIndexSnapshotStore implements IndexSnapshotStore {
  constructor(
    private readonly table: StorageTable,
    private readonly clock: () => number = Date.now,
  ) {}

  async read(tenantId: string): Promise<IndexSnapshot | undefined> {
    const partitionKey = expertSnapshotPartition(tenantId);
    for (let attempt = 0; attempt < READ_ATTEMPTS; attempt += 1) {
      const head = headOf(await this.table.get({ partitionKey, rowKey: EXPERT_SNAPSHOT_HEAD_ROW }));
      if (!head || head.format !== SNAPSHOT_FORMAT) return undefined;
      const rows: (StoredEntity | undefined)[] = new Array<StoredEntity | undefined>(head.chunks);
      await forEachLimited([...rows.keys()], IN_FLIGHT, async (i) => {
        rows[i] = await this.table.get({ partitionKey, rowKey: expertSnapshotChunkRowKey(head.generation, i) });
      });
      if (rows.some((row) => row === undefined)) continue;
      // Each part is copied once into the whole; the rows (and their parts) are garbage right after.
      const parts = rows.flatMap((row) => partsOf(row as StoredEntity));
      rows.length = 0;
      return decodeSnapshot(Buffer.concat(parts), tenantId);
    }
    return undefined;
  }

  async write(snapshot: IndexSnapshot): Promise<{ readonly written: boolean; readonly bytes: number }> {
    const partitionKey = expertSnapshotPartition(snapshot.tenantId);
    const headKey = { partitionKey, rowKey: EXPERT_SNAPSHOT_HEAD_ROW };
    const before = await this.table.get(headKey);
    const bytes = await encodeSnapshot(snapshot);
    const generation = `${String(this.clock()).padStart(15, '0')}-${randomUUID()}`;
    const chunks = Math.max(1, Math.ceil(bytes.length / CHUNK_BYTES));
    await forEachLimited([...Array(chunks).keys()], IN_FLIGHT, (i) =>
      this.table.create(chunkRow(partitionKey, generation, i, bytes.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES))),
    );
    const head: NewEntity = {
      ...headKey,
      format: SNAPSHOT_FORMAT,
      generation,
      chunks,
      bytes: bytes.length,
      cursorMs: snapshot.cursorMs,
      writtenAt: new Date(this.clock()).toISOString(),
    };
    try {
      if (before) await this.table.replace(head, before.etag);
      else await this.table.create(head);
    } catch (error) {
      if (!isLostRace(error)) throw error;
      // Another writer moved the head first: theirs is current and whole; ours goes.
      await this.removeGeneration(partitionKey, generation, chunks);
      return { written: false, bytes: bytes.length };
    }
    const previous = headOf(before);
    if (previous) await this.removeGeneration(partitionKey, previous.generation, previous.chunks);
    await this.removeOrphans(partitionKey, generation);
    return { written: true, bytes: bytes.length };
  }

  private async removeGeneration(partitionKey: string, generation: string, chunks: number): Promise<void> {
    await forEachLimited([...Array(chunks).keys()], IN_FLIGHT, (i) =>
      this.table.delete({ partitionKey, rowKey: expertSnapshotChunkRowKey(generation, i) }),
    );
  }

  /** Chunks of generations no head names, left by a writer that stopped midway, once surely not being written any more. */
  private async removeOrphans(partitionKey: string, current: string): Promise<void> {
    const rows = await this.table.listPartitionSelect(partitionKey, ['RowKey', 'generation']);
    const cutoff = String(this.clock() - ORPHAN_AFTER_MS).padStart(15, '0');
    const orphans = rows.filter((row) => {
      const generation = row['generation'];
      return typeof generation === 'string' && generation !== current && generation.slice(0, 15) < cutoff;
    });
    await forEachLimited(orphans, IN_FLIGHT, (row) => this.table.delete({ partitionKey, rowKey: row.rowKey ?? '' }));
  }
}

function chunkRow(partitionKey: string, generation: string, index: number, bytes: Uint8Array): NewEntity {
  const row: NewEntity = { partitionKey, rowKey: expertSnapshotChunkRowKey(generation, index), generation };
  for (let p = 0; p * PART_BYTES < bytes.length; p += 1) row[`d${p}`] = bytes.subarray(p * PART_BYTES, (p + 1) * PART_BYTES);
  return row;
}

function partsOf(row: StoredEntity): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let p = 0; p < PARTS_PER_CHUNK; p += 1) {
    const part = row[`d${p}`];
    if (!(part instanceof Uint8Array)) break;
    parts.push(part);
  }
  return parts;
}

function headOf(row: StoredEntity | undefined): Head | undefined {
  if (!row) return undefined;
  const { format, generation, chunks } = row;
  if (typeof format !== 'number' || typeof generation !== 'string' || typeof chunks !== 'number') return undefined;
  return { format, generation, chunks, etag: row.etag };
}
