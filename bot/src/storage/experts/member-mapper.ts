import { z } from 'zod';
import type { MemberProfile } from '../../domain/experts/member';
import { id, isoTime, jsonText, parseRow, toEntity } from '../shared/entity-schema';
import { profileKey, TABLES } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

const teachSkill = z.object({ name: z.string().min(1), level: z.union([z.literal(1), z.literal(2), z.literal(3)]) });

const row = z.object({
  tenantId: id,
  userId: id,
  displayName: z.string(),
  // exactOptional: toEntity never writes undefined, so a missing value is a missing column, and the domain type says `?: string`.
  email: z.string().exactOptional(),
  locale: z.string().exactOptional(),
  bio: z.string(),
  teaches: jsonText(z.array(teachSkill)),
  wants: jsonText(z.array(z.string())),
  languages: jsonText(z.array(z.string())),
  availability: z.string(),
  celebrateMilestones: z.boolean().exactOptional(),
  requestAlerts: z.boolean().exactOptional(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export function memberToEntity(profile: MemberProfile): NewEntity {
  return toEntity(profileKey(profile.tenantId, profile.userId), {
    tenantId: profile.tenantId,
    userId: profile.userId,
    displayName: profile.displayName,
    email: profile.email,
    locale: profile.locale,
    bio: profile.bio,
    teaches: JSON.stringify(profile.teaches.map((s) => ({ name: s.name, level: s.level }))),
    wants: JSON.stringify(profile.wants),
    languages: JSON.stringify(profile.languages),
    availability: profile.availability,
    celebrateMilestones: profile.celebrateMilestones,
    requestAlerts: profile.requestAlerts,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  });
}

export function memberFromEntity(entity: StoredEntity): MemberProfile {
  return parseRow(TABLES.profiles, entity, row, (r) => profileKey(r.tenantId, r.userId));
}
