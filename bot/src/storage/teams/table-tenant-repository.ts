import type { TenantRepository } from '../../domain/shared/repositories';
import type { Tenant } from '../../domain/teams/team';
import { tenantKey } from '../shared/keys';
import type { StorageTable } from '../shared/storage-table';
import { tenantFromEntity, tenantToEntity } from './tenant-mapper';

export class TableTenantRepository implements TenantRepository {
  constructor(private readonly table: StorageTable) {}

  async get(tenantId: string): Promise<Tenant | undefined> {
    const entity = await this.table.get(tenantKey(tenantId));
    return entity && tenantFromEntity(entity);
  }

  async upsert(tenant: Tenant): Promise<void> {
    await this.table.upsert(tenantToEntity(tenant));
  }
}
