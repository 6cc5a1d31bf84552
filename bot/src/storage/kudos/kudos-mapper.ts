import { z } from 'zod';
import type { Kudos } from '../../domain/kudos/kudos';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { kudosKey, TABLES } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

const kudosRow = z.object({
  tenantId: id,
  teamId: id,
  kudosId: id,
  fromUserId: id,
  toUserId: id,
  message: z.string(),
  channelId: z.string().min(1).optional(),
  sessionId: z.string().min(1).optional(),
  skill: z.string().min(1).optional(),
  createdAt: isoTime,
});

export function kudosToEntity(k: Kudos): NewEntity {
  return toEntity(kudosKey(k.tenantId, k.teamId, k.kudosId), {
    tenantId: k.tenantId,
    teamId: k.teamId,
    kudosId: k.kudosId,
    fromUserId: k.fromUserId,
    toUserId: k.toUserId,
    message: k.message,
    channelId: k.channelId,
    sessionId: k.sessionId,
    skill: k.skill,
    createdAt: k.createdAt,
  });
}

export function kudosFromEntity(entity: StoredEntity): Kudos {
  const { channelId, sessionId, skill, ...rest } = parseRow(TABLES.kudos, entity, kudosRow, (k) =>
    kudosKey(k.tenantId, k.teamId, k.kudosId),
  );
  return { ...rest, ...(channelId ? { channelId } : {}), ...(sessionId ? { sessionId } : {}), ...(skill ? { skill } : {}) };
}
