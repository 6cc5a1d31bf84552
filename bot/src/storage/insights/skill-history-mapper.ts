import { z } from 'zod';
import type { SkillHistoryPoint } from '../../domain/insights/skill-history';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { skillHistoryKey, TABLES } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

const pointRow = z.object({
  tenantId: id,
  userId: id,
  skill: z.string().min(1),
  level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  at: isoTime,
});

const keyOf = (p: SkillHistoryPoint) => skillHistoryKey(p.tenantId, p.userId, Date.parse(p.at), p.skill);

export function skillHistoryToEntity(p: SkillHistoryPoint): NewEntity {
  return toEntity(keyOf(p), { tenantId: p.tenantId, userId: p.userId, skill: p.skill, level: p.level, at: p.at });
}

export function skillHistoryFromEntity(entity: StoredEntity): SkillHistoryPoint {
  return parseRow(TABLES.skillHistory, entity, pointRow, keyOf);
}
