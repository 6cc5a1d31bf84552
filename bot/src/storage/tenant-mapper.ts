import { z } from 'zod';
import type { Tenant } from '../domain/team';
import { id, isoTime, parseRow, toEntity } from './entity-schema';
import { TABLES, tenantKey } from './keys';
import type { NewEntity, StoredEntity } from './storage-table';

const row = z.object({ tenantId: id, name: z.string(), createdAt: isoTime });

export function tenantToEntity(tenant: Tenant): NewEntity {
  return toEntity(tenantKey(tenant.tenantId), { tenantId: tenant.tenantId, name: tenant.name, createdAt: tenant.createdAt });
}

export function tenantFromEntity(entity: StoredEntity): Tenant {
  return parseRow(TABLES.tenants, entity, row, (r) => tenantKey(r.tenantId));
}
