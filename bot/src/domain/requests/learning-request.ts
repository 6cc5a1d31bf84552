import { SEEDED_TAXONOMY } from '../experts/skill-taxonomy';
import type { SkillTaxonomy } from '../experts/skill-taxonomy';
import { cleanText, compactKey } from '../experts/text-fold';
import { REQUEST_NOTE_MAX, REQUEST_SKILL_MAX } from './learning-request-limits';
import type { RequestField, RequestProblemCode } from './learning-request-limits';

/** DESIGN F7: "I want to learn X". Others +1 it; an expert takes it and plans a session from it. */
// `planned`: a session was saved from it (`sessionId`); `taken` is kept for rows stored before taking waited for the save.
export const LEARNING_REQUEST_STATUSES = ['open', 'taken', 'planned', 'closed'] as const;
type LearningRequestStatus = (typeof LEARNING_REQUEST_STATUSES)[number];

export interface LearningRequest {
  readonly tenantId: string;
  readonly teamId: string;
  readonly requestId: string;
  readonly authorUserId: string;
  /** Normalised with the skill taxonomy ("ts" → "TypeScript"), so one skill is one request. */
  readonly skill: string;
  readonly note?: string;
  readonly status: LearningRequestStatus;
  /** Everyone who wants this, the author included (their request is their vote). */
  readonly votes: number;
  readonly takenBy?: string;
  /** The session planned from it (status `planned`). */
  readonly sessionId?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One person's +1; stored beside the request so the two change in one transaction. */
export interface LearningRequestVote {
  readonly tenantId: string;
  readonly teamId: string;
  readonly requestId: string;
  readonly userId: string;
  readonly votedAt: string;
}

export { REQUEST_NOTE_MAX, REQUEST_PROBLEMS, REQUEST_SKILL_MAX } from './learning-request-limits';
export type { RequestField, RequestProblemCode } from './learning-request-limits';

export interface RequestProblem {
  readonly field: RequestField;
  readonly code: RequestProblemCode;
}

interface RequestDraft {
  readonly skill: string;
  readonly note?: string;
}

type RequestValidation =
  { readonly ok: true; readonly draft: RequestDraft } | { readonly ok: false; readonly problems: readonly RequestProblem[] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a request form (tab body or bot text); names every problem at once. Nothing is stored on a problem. */
export function validateLearningRequestInput(input: unknown, taxonomy: SkillTaxonomy = SEEDED_TAXONOMY): RequestValidation {
  if (!isRecord(input)) return { ok: false, problems: [{ field: 'body', code: 'bodyInvalid' }] };
  const problems: RequestProblem[] = [];
  let skill: string | undefined;
  const rawSkill = input.skill;
  if (rawSkill === undefined || rawSkill === null || (typeof rawSkill === 'string' && cleanText(rawSkill) === '')) {
    problems.push({ field: 'skill', code: 'skillRequired' });
  } else if (typeof rawSkill !== 'string') {
    problems.push({ field: 'skill', code: 'skillInvalid' });
  } else if (cleanText(rawSkill).length > REQUEST_SKILL_MAX) {
    problems.push({ field: 'skill', code: 'skillTooLong' });
  } else {
    // Only punctuation or emoji leaves nothing to match experts on.
    const normalised = taxonomy.normalise(rawSkill);
    if (normalised) skill = normalised.name;
    else problems.push({ field: 'skill', code: 'skillInvalid' });
  }
  let note: string | undefined;
  const rawNote = input.note;
  if (rawNote !== undefined && rawNote !== null) {
    if (typeof rawNote !== 'string') problems.push({ field: 'note', code: 'noteInvalid' });
    else {
      const clean = rawNote.replace(/\r\n/g, '\n').trim();
      if (clean.length > REQUEST_NOTE_MAX) problems.push({ field: 'note', code: 'noteTooLong' });
      else if (clean !== '') note = clean;
    }
  }
  if (problems.length > 0 || skill === undefined) return { ok: false, problems };
  return { ok: true, draft: note ? { skill, note } : { skill } };
}

/** The identity of a request's skill: two open requests of a team never share it. */
export const requestSkillKey = (skill: string): string => compactKey(skill);

/** The open request of a team for this skill, if there is one. */
export function openRequestFor(requests: readonly LearningRequest[], skill: string): LearningRequest | undefined {
  const key = requestSkillKey(skill);
  return requests.find((r) => r.status === 'open' && requestSkillKey(r.skill) === key);
}

/** Open requests, most wanted first, then newest; then the planned ones (they link to their session), newest first. */
export function boardOrder(requests: readonly LearningRequest[]): LearningRequest[] {
  const open = requests
    .filter((r) => r.status === 'open')
    .sort((a, b) => b.votes - a.votes || b.createdAt.localeCompare(a.createdAt) || a.requestId.localeCompare(b.requestId));
  const planned = requests
    .filter((r) => r.status === 'planned')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.requestId.localeCompare(b.requestId));
  return [...open, ...planned];
}

export function newLearningRequest(
  ref: { tenantId: string; teamId: string; requestId: string; authorUserId: string },
  draft: RequestDraft,
  now: Date,
): LearningRequest {
  const at = now.toISOString();
  return {
    ...ref,
    skill: draft.skill,
    ...(draft.note ? { note: draft.note } : {}),
    status: 'open',
    votes: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** What a vote changes: `undefined` leaves everything as it is (idempotent per person). */
export function planVote(
  request: LearningRequest,
  userId: string,
  hasVoted: boolean,
  wants: boolean,
): { readonly votes: number } | undefined {
  if (hasVoted === wants) return undefined;
  // The author's request is their vote: it cannot be taken back (close the request instead).
  if (!wants && request.authorUserId === userId) return undefined;
  return { votes: Math.max(0, request.votes + (wants ? 1 : -1)) };
}

type TakeRefusal = 'closed' | 'takenByOther' | 'ownRequest';

/** Taking: open → taken by the caller; taking again by the same person is fine (the draft is shown again). */
export function planTake(
  request: LearningRequest,
  userId: string,
  now: Date,
):
  | { readonly ok: true; readonly request: LearningRequest; readonly changed: boolean }
  | { readonly ok: false; readonly reason: TakeRefusal } {
  if (request.status === 'closed') return { ok: false, reason: 'closed' };
  if (request.status === 'taken')
    return request.takenBy === userId ? { ok: true, request, changed: false } : { ok: false, reason: 'takenByOther' };
  if (request.authorUserId === userId) return { ok: false, reason: 'ownRequest' };
  return { ok: true, request: { ...request, status: 'taken', takenBy: userId, updatedAt: now.toISOString() }, changed: true };
}

type PlanRefusal = 'plannedByOther' | 'closed' | 'ownRequest';

/**
 * A session saved from the request takes it: open (or taken by the planner) → planned with the
 * session. Whoever saves first wins; a second save is refused and told which session was planned.
 */
export function planPlanned(
  request: LearningRequest,
  userId: string,
  sessionId: string,
  now: Date,
): { readonly ok: true; readonly request: LearningRequest } | { readonly ok: false; readonly reason: PlanRefusal } {
  if (request.status === 'closed') return { ok: false, reason: 'closed' };
  if (request.status !== 'open' && request.takenBy !== userId) return { ok: false, reason: 'plannedByOther' };
  if (request.status === 'planned') return { ok: false, reason: 'plannedByOther' };
  if (request.authorUserId === userId) return { ok: false, reason: 'ownRequest' };
  return { ok: true, request: { ...request, status: 'planned', takenBy: userId, sessionId, updatedAt: now.toISOString() } };
}

/** Back to open, nobody's: after a hand-back or when the session planned from it was cancelled. */
export function reopened(request: LearningRequest, now: Date): LearningRequest {
  const { takenBy: _takenBy, sessionId: _sessionId, ...rest } = request;
  return { ...rest, status: 'open', updatedAt: now.toISOString() };
}

/** Only whoever took (or planned) it, or an owner of the team, hands a request back. */
export function mayHandBack(request: LearningRequest, userId: string, isOwner: boolean): boolean {
  return (request.status === 'taken' || request.status === 'planned') && (isOwner || request.takenBy === userId);
}

/** Only the author or an owner of the team closes a request. */
export function mayClose(request: LearningRequest, userId: string, isOwner: boolean): boolean {
  return isOwner || request.authorUserId === userId;
}
