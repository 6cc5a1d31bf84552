import { z } from 'zod';
import type { Tenant } from '../../domain/teams/team';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { TABLES, tenantKey } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

const row = z.object({ tenantId: id, name: z.string(), createdAt: isoTime });

export function tenantToEntity(tenant: Tenant): NewEntity {
  return toEntity(tenantKey(tenant.tenantId), { tenantId: tenant.tenantId, name: tenant.name, createdAt: tenant.createdAt });
}

export function tenantFromEntity(entity: StoredEntity): Tenant {
  return parseRow(TABLES.tenants, entity, row, (r) => tenantKey(r.tenantId));
}
