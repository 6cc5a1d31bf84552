import { z } from 'zod';
import type { SessionQuestion } from '../../domain/sessions/session-question';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { questionKey, TABLES } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

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
