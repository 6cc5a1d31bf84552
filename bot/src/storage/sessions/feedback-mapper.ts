import { z } from 'zod';
import type { Feedback } from '../../domain/sessions/session';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { feedbackKey, TABLES } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

const row = z.object({
  tenantId: id,
  teamId: id,
  sessionId: id,
  userId: id,
  rating: z.number().int().min(1).max(5),
  learnedSomethingNew: z.boolean(),
  willApply: z.string(),
  submittedAt: isoTime,
});

export function feedbackToEntity(feedback: Feedback): NewEntity {
  return toEntity(feedbackKey(feedback.tenantId, feedback.sessionId, feedback.userId), {
    tenantId: feedback.tenantId,
    teamId: feedback.teamId,
    sessionId: feedback.sessionId,
    userId: feedback.userId,
    rating: feedback.rating,
    learnedSomethingNew: feedback.learnedSomethingNew,
    willApply: feedback.willApply,
    submittedAt: feedback.submittedAt,
  });
}

export function feedbackFromEntity(entity: StoredEntity): Feedback {
  return parseRow(TABLES.feedback, entity, row, (r) => feedbackKey(r.tenantId, r.sessionId, r.userId));
}
