import { SEEDED_TAXONOMY } from '../experts/skill-taxonomy';
import type { Feedback, LearningSession, Rsvp } from '../sessions/session';
import type { FeedbackTally, Granularity, SessionFact } from './insights';
import type { PeriodRollup } from './insights-repositories';

/** Skill names as expert search keeps them ("power-bi" and "Power BI" are one skill), each once. */
export function normaliseSkills(names: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const raw of names) {
    const skill = SEEDED_TAXONOMY.normalise(raw);
    if (skill && !byKey.has(skill.key)) byKey.set(skill.key, skill.name);
  }
  return [...byKey.values()];
}

/**
 * What a held session adds to the rollups, from its stored answers: teachers are the host and the
 * co-teachers; attendees the confirmed "yes" (not waitlisted) without the teachers. Feedback as sums.
 */
export function foldSession(session: LearningSession, rsvps: readonly Rsvp[], feedback: readonly Feedback[], now: Date): SessionFact {
  const teachers = [...new Set([session.hostId, ...session.teacherIds])];
  const teaching = new Set(teachers);
  const attendees = [
    ...new Set(rsvps.filter((r) => r.response === 'yes' && !r.waitlisted && !teaching.has(r.userId)).map((r) => r.userId)),
  ];
  const answers = feedback.filter((f) => Number.isInteger(f.rating) && f.rating >= 1 && f.rating <= 5);
  return {
    tenantId: session.tenantId,
    teamId: session.teamId,
    sessionId: session.sessionId,
    title: session.title,
    startsAt: new Date(session.startsAt).toISOString(),
    skills: normaliseSkills(session.skills),
    teacherIds: teachers,
    attendeeIds: attendees,
    feedback: {
      answers: answers.length,
      ratingSum: answers.reduce((n, f) => n + f.rating, 0),
      learnedYes: answers.filter((f) => f.learnedSomethingNew).length,
    },
    foldedAt: now.toISOString(),
  };
}

const addTally = (a: FeedbackTally, b: FeedbackTally): FeedbackTally => ({
  answers: a.answers + b.answers,
  ratingSum: a.ratingSum + b.ratingSum,
  learnedYes: a.learnedYes + b.learnedYes,
});

export const NO_FEEDBACK: FeedbackTally = { answers: 0, ratingSum: 0, learnedYes: 0 };

/** A week's or month's rollup from the facts that start in it (recomputed whole: idempotent, order-free). */
export function rollUp(
  where: {
    readonly tenantId: string;
    readonly teamId: string;
    readonly granularity: Granularity;
    readonly period: string;
    readonly startsAt: string;
  },
  facts: readonly SessionFact[],
): PeriodRollup {
  const learners = new Set<string>();
  const teachers = new Set<string>();
  let feedback = NO_FEEDBACK;
  const bySkill: Record<string, FeedbackTally & { sessions: number }> = {};
  for (const fact of facts) {
    for (const id of fact.attendeeIds) learners.add(id);
    for (const id of fact.teacherIds) teachers.add(id);
    feedback = addTally(feedback, fact.feedback);
    for (const skill of fact.skills) {
      const before = bySkill[skill] ?? { ...NO_FEEDBACK, sessions: 0 };
      bySkill[skill] = { ...addTally(before, fact.feedback), sessions: before.sessions + 1 };
    }
  }
  return {
    ...where,
    sessionsHeld: facts.length,
    attendances: facts.reduce((n, f) => n + f.attendeeIds.length, 0),
    learnerIds: [...learners].sort(),
    teacherIds: [...teachers].sort(),
    feedback,
    bySkill,
  };
}

export { addTally };
