import { z } from 'zod';
import { APPLIED_ANSWERS } from '../../domain/sessions/session';
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
  // The follow-up's answer (issue #12): absent until answered.
  appliedLevel: z.enum(APPLIED_ANSWERS).optional(),
  appliedNote: z.string().optional(),
  appliedAt: isoTime.optional(),
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
    appliedLevel: feedback.applied?.level,
    appliedNote: feedback.applied?.note,
    appliedAt: feedback.applied?.answeredAt,
  });
}

export function feedbackFromEntity(entity: StoredEntity): Feedback {
  const { appliedLevel, appliedNote, appliedAt, ...rest } = parseRow(TABLES.feedback, entity, row, (r) =>
    feedbackKey(r.tenantId, r.sessionId, r.userId),
  );
  return {
    ...rest,
    ...(appliedLevel && appliedAt ? { applied: { level: appliedLevel, note: appliedNote ?? '', answeredAt: appliedAt } } : {}),
  };
}
