import { z } from 'zod';
import type { NudgeRecord, NudgeRepository } from '../../domain/insights/nudges';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { nudgeKey, nudgesPartition, TABLES } from '../shared/keys';
import { isLostRace } from '../shared/storage-errors';
import type { NewEntity, StorageTable, StoredEntity } from '../shared/storage-table';

const nudgeRow = z.object({ tenantId: id, teamId: id, userId: id, nudgedAt: isoTime });

const keyOf = (r: Pick<NudgeRecord, 'tenantId' | 'teamId' | 'userId'>) => nudgeKey(r.tenantId, r.teamId, r.userId);
const toRow = (r: NudgeRecord): NewEntity =>
  toEntity(keyOf(r), { tenantId: r.tenantId, teamId: r.teamId, userId: r.userId, nudgedAt: r.nudgedAt });
const fromRow = (entity: StoredEntity): NudgeRecord => parseRow(TABLES.nudges, entity, nudgeRow, keyOf);

/** A few tries are plenty: only owners of one team race for one member's row. */
const ATTEMPTS = 3;

export class TableNudgeRepository implements NudgeRepository {
  constructor(private readonly table: StorageTable) {}

  async get(tenantId: string, teamId: string, userId: string): Promise<NudgeRecord | undefined> {
    const row = await this.table.get(nudgeKey(tenantId, teamId, userId));
    return row && fromRow(row);
  }

  async listForTeam(tenantId: string, teamId: string): Promise<NudgeRecord[]> {
    return (await this.table.listPartition(nudgesPartition(tenantId, teamId))).map(fromRow);
  }

  async claim(record: NudgeRecord, notBefore: string): Promise<{ readonly claimed: boolean; readonly nudgedAt: string }> {
    for (let attempt = 1; ; attempt += 1) {
      const row = await this.table.get(keyOf(record));
      const current = row && fromRow(row);
      if (current && current.nudgedAt >= notBefore) return { claimed: false, nudgedAt: current.nudgedAt };
      try {
        if (row?.etag) await this.table.replace(toRow(record), row.etag);
        else await this.table.create(toRow(record));
        return { claimed: true, nudgedAt: record.nudgedAt };
      } catch (error) {
        if (!isLostRace(error) || attempt >= ATTEMPTS) throw error;
      }
    }
  }
}
