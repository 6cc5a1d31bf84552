import { z } from 'zod';
import {
  DESCRIPTION_MAX,
  ID_MAX,
  ONLINE_URL_MAX,
  PLACE_MAX,
  QUESTION_MAX_LENGTH,
  SKILL_MAX,
  SKILLS_MAX,
  TEACHERS_MAX,
  TITLE_MAX,
} from '../../domain/sessions/session-limits';
import type { SessionField, SessionProblem, SessionProblemCode } from '../../domain/sessions/session-rules';
import type { SessionFailure } from '../../domain/shared/result';
import { because, boundedList } from '../shared/body-schema';
import type { EdgeProblem } from '../shared/body-schema';

/** Every edge check of a session form names one of the domain's own fields and problem codes. */
const problem = (field: SessionField, code: SessionProblemCode) => because(field, code);

/** A bounded free text (absent or null: not given, as the domain reads it). */
const text = (max: number, field: SessionField, code: SessionProblemCode, typeCode: SessionProblemCode = code) =>
  z.string(problem(field, typeCode)).trim().max(max, problem(field, code)).nullish();

/** A list split and counted as the domain's `list` does (comma-separated from a card). */
const list = (count: number, each: number, field: SessionField, code: SessionProblemCode) =>
  boundedList(/,/, { count, each }, field, { entry: code, count: code });

/** A number as JSON sends it, or as a card's input text does (its range is the domain's to judge). */
const amount = (field: SessionField, code: SessionProblemCode) =>
  z.union([z.number(problem(field, code)), z.string(problem(field, code)).max(12, problem(field, code))], problem(field, code)).nullish();

/** Anything but a boolean or a short word means "no", as the domain reads it: bounded without a problem of its own. */
const flag = z
  .union([z.boolean(), z.string().max(5)])
  .nullish()
  .catch(undefined);

/** The start and end as ISO times, or as the form's date and times in the team's zone. */
const moment = text(40, 'startsAt', 'startInvalid');

/** POST and PATCH `/teams/:teamId/sessions…` (and the cards' session forms): the fields the domain reads, bounded. */
export const sessionBody = z.object({
  title: text(TITLE_MAX, 'title', 'titleTooLong', 'titleRequired'),
  description: text(DESCRIPTION_MAX, 'description', 'descriptionTooLong'),
  format: text(40, 'format', 'formatUnknown'),
  startsAt: moment,
  date: moment,
  time: moment,
  endsAt: text(40, 'durationMinutes', 'endBeforeStart'),
  endTime: text(40, 'durationMinutes', 'endBeforeStart'),
  durationMinutes: amount('durationMinutes', 'durationOutOfRange'),
  capacity: amount('capacity', 'capacityNotPositive'),
  onlineUrl: text(ONLINE_URL_MAX, 'onlineUrl', 'linkTooLong'),
  place: text(PLACE_MAX, 'place', 'placeTooLong'),
  skills: list(SKILLS_MAX, SKILL_MAX, 'skills', 'skillsInvalid'),
  recurrence: text(20, 'recurrence', 'recurrenceUnknown'),
  repeatUntil: text(20, 'repeatUntil', 'repeatUntilInvalid'),
  channelId: text(ID_MAX, 'channelId', 'channelUnknown'),
  teacherIds: list(TEACHERS_MAX, ID_MAX, 'teacherIds', 'peopleInvalid'),
  discussionLeaderId: text(ID_MAX, 'discussionLeaderId', 'personUnknown'),
  openToOrganisation: flag,
  /** Skills confirmed as new ("keep 'Dokcer' as a new skill"); any other skill the team's taxonomy does not know answers 400 `unknownSkill`. */
  newSkills: list(SKILLS_MAX * 2, SKILL_MAX, 'skills', 'skillsInvalid'),
});

const REQUEST_ID = /^[A-Za-z0-9._:@-]{1,200}$/;

/**
 * POST `…/sessions`' `requestId` (the learning request the session answers): absent, a well-formed
 * id, or `false` when it is there but no request id could look like it (the route answers 400).
 */
export function fromRequestIdOf(body: unknown): string | undefined | false {
  if (typeof body !== 'object' || body === null || !('requestId' in body)) return undefined;
  const value: unknown = body.requestId;
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' && REQUEST_ID.test(value) ? value : false;
}

/** A refusal at the edge, as the domain's validator words it. */
export const invalidSession = (problems: readonly EdgeProblem[]): SessionFailure => ({
  subject: 'session',
  kind: 'invalid',
  // Built only by `problem` above: each field and code is the domain's own.
  problems: problems.map((p) => ({ field: p.field, code: p.code }) as SessionProblem),
});

/** PUT `…/rsvp`. */
export const rsvpBody = z.object({
  response: z.string(because('response', 'responseInvalid')).max(10, because('response', 'responseInvalid')),
});

/** POST `…/questions`. */
export const questionBody = z.object({
  text: z.string(because('text', 'questionEmpty')).trim().max(QUESTION_MAX_LENGTH, because('text', 'questionTooLong')),
  anonymous: z.boolean().optional().catch(false),
});

/** The domain's code for a refused answer or question (`responseInvalid`, `questionEmpty`, `questionTooLong`). */
export const badSessionInput = ([first]: readonly EdgeProblem[]): SessionFailure => ({
  subject: 'session',
  kind: 'badInput',
  code: first?.code === 'questionEmpty' || first?.code === 'questionTooLong' ? first.code : 'responseInvalid',
});
