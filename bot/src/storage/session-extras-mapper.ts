import { z } from 'zod';
import type { Kudos, SessionQuestion } from '../domain/session-extras';
import { id, isoTime, parseRow, toEntity } from './entity-schema';
import { kudosKey, questionKey, TABLES } from './keys';
import type { NewEntity, StoredEntity } from './storage-table';

const questionRow = z.object({
  tenantId: id,
  teamId: id,
  sessionId: id,
  questionId: id,
  text: z.string(),
  askerId: z.string().min(1).optional(),
  askedAt: isoTime,
});

export function questionToEntity(q: SessionQuestion): NewEntity {
  return toEntity(questionKey(q.tenantId, q.sessionId, q.questionId), {
    tenantId: q.tenantId,
    teamId: q.teamId,
    sessionId: q.sessionId,
    questionId: q.questionId,
    text: q.text,
    askerId: q.askerId,
    askedAt: q.askedAt,
  });
}

export function questionFromEntity(entity: StoredEntity): SessionQuestion {
  const { askerId, ...rest } = parseRow(TABLES.questions, entity, questionRow, (q) => questionKey(q.tenantId, q.sessionId, q.questionId));
  return askerId ? { ...rest, askerId } : rest;
}

const kudosRow = z.object({
  tenantId: id,
  teamId: id,
  kudosId: id,
  fromUserId: id,
  toUserId: id,
  message: z.string(),
  channelId: z.string().min(1).optional(),
  sessionId: z.string().min(1).optional(),
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
    createdAt: k.createdAt,
  });
}

export function kudosFromEntity(entity: StoredEntity): Kudos {
  const { channelId, sessionId, ...rest } = parseRow(TABLES.kudos, entity, kudosRow, (k) => kudosKey(k.tenantId, k.teamId, k.kudosId));
  return { ...rest, ...(channelId ? { channelId } : {}), ...(sessionId ? { sessionId } : {}) };
}
