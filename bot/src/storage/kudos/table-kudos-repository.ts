import type { Kudos } from '../../domain/kudos/kudos';
import type { KudosRepository } from '../../domain/shared/repositories';
import { kudosKey, kudosPartition } from '../shared/keys';
import { kudosFromEntity, kudosToEntity } from './kudos-mapper';
import type { StorageTable } from '../shared/storage-table';

export class TableKudosRepository implements KudosRepository {
  constructor(private readonly table: StorageTable) {}

  async add(kudos: Kudos): Promise<void> {
    await this.table.create(kudosToEntity(kudos));
  }

  async get(tenantId: string, teamId: string, kudosId: string): Promise<Kudos | undefined> {
    const entity = await this.table.get(kudosKey(tenantId, teamId, kudosId));
    return entity && kudosFromEntity(entity);
  }

  async listForTeam(tenantId: string, teamId: string): Promise<Kudos[]> {
    const rows = (await this.table.listPartition(kudosPartition(tenantId, teamId))).map(kudosFromEntity);
    return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}
