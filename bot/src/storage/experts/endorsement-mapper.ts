import { z } from 'zod';
import type { Endorsement } from '../../domain/experts/expert-ports';
import { skillKeyOf } from '../../domain/experts/expert-index';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { endorsementKey, TABLES } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

const row = z.object({
  tenantId: id,
  userId: id,
  skill: z.string().min(1),
  endorserId: id,
  endorsedAt: isoTime,
});

const keyOf = (e: Pick<Endorsement, 'tenantId' | 'userId' | 'skill' | 'endorserId'>) =>
  endorsementKey(e.tenantId, e.userId, skillKeyOf(e.skill), e.endorserId);

export function endorsementToEntity(e: Endorsement): NewEntity {
  return toEntity(keyOf(e), { tenantId: e.tenantId, userId: e.userId, skill: e.skill, endorserId: e.endorserId, endorsedAt: e.endorsedAt });
}

export function endorsementFromEntity(entity: StoredEntity): Endorsement {
  return parseRow(TABLES.endorsements, entity, row, keyOf);
}
