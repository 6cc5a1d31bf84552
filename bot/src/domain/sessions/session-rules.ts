import type { Channel } from '../teams/team';
import { RECURRENCES, SESSION_FORMATS } from './session';
import type { LearningSession, Recurrence } from './session';
import {
  CAPACITY_MAX,
  DESCRIPTION_MAX,
  DURATION_MAX,
  DURATION_MIN,
  ID_MAX,
  ONLINE_URL_MAX,
  PLACE_MAX,
  SKILL_MAX,
  SKILLS_MAX,
  START_AHEAD_MAX_YEARS,
  TEACHERS_MAX,
  TITLE_MAX,
} from './session-limits';
import { trimInvisible } from '../shared/visible-text';
import { parseWallTime } from '../shared/zoned-time';
import { occurrenceStarts, seriesEndProblem } from './series-end';
import type { SeriesEndProblem } from './series-end';

export { CAPACITY_MAX, DESCRIPTION_MAX, DURATION_MAX, DURATION_MIN, PLACE_MAX, SKILL_MAX, SKILLS_MAX, TITLE_MAX } from './session-limits';
export { occurrenceStarts } from './series-end';

/** Every way a session form can be wrong; each has an nl/en text in the cards' session strings. */
export type SessionProblemCode =
  | 'titleRequired'
  | 'peopleNotInTeam'
  | 'titleTooLong'
  | 'descriptionTooLong'
  | 'formatUnknown'
  | 'startRequired'
  | 'startInvalid'
  | 'startInPast'
  | 'startTooFar'
  | 'durationOutOfRange'
  | 'endBeforeStart'
  | 'capacityNotPositive'
  | 'linkNotHttps'
  | 'linkTooLong'
  | 'placeTooLong'
  | 'skillsInvalid'
  | 'recurrenceUnknown'
  | 'channelUnknown'
  | 'peopleInvalid'
  | 'personUnknown'
  | 'hostIsTeacher'
  | SeriesEndProblem;

/** The form fields a problem belongs to (the API's `fields`, the card's inline messages). */
export type SessionField =
  | 'title'
  | 'description'
  | 'format'
  | 'startsAt'
  | 'durationMinutes'
  | 'capacity'
  | 'onlineUrl'
  | 'place'
  | 'skills'
  | 'recurrence'
  | 'repeatUntil'
  | 'channelId'
  | 'teacherIds'
  | 'discussionLeaderId';

export interface SessionProblem {
  readonly field: SessionField;
  readonly code: SessionProblemCode;
}

/** What a person may set on a session; everything else (ids, host, counts) is the app's. */
export type SessionDraft = Pick<
  LearningSession,
  | 'title'
  | 'description'
  | 'skills'
  | 'format'
  | 'startsAt'
  | 'durationMinutes'
  | 'onlineUrl'
  | 'place'
  | 'capacity'
  | 'channelId'
  | 'teacherIds'
  | 'discussionLeaderId'
  | 'openToOrganisation'
> & {
  readonly recurrence: Recurrence;
  /** Create only: the last day (`YYYY-MM-DD`, team's zone) a series may have an occurrence on. */
  readonly repeatUntil?: string;
};

type Validation =
  { readonly ok: true; readonly draft: SessionDraft } | { readonly ok: false; readonly problems: readonly SessionProblem[] };

interface ValidationContext {
  readonly now: Date;
  readonly timeZone: string;
  /** The team's known channels; a channel outside them is refused. Undefined: not checked. */
  readonly channels?: readonly Channel[];
  /** Editing: values not given keep the session's; a start in the past is allowed when unchanged. */
  readonly current?: LearningSession;
  /** A new session's host (the person planning it); an edit's is the stored session's. */
  readonly hostId?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined);
const present = (v: unknown): boolean => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** Card inputs send multi-selects as "a,b"; the API sends arrays. */
function list(v: unknown): string[] | undefined {
  if (Array.isArray(v))
    return v.every((x) => typeof x === 'string') ? (v as string[]).map((x) => x.trim()).filter((x) => x !== '') : undefined;
  if (typeof v === 'string')
    return v
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
  if (v === undefined || v === null) return [];
  return undefined;
}

/** Control characters (CR/LF above all) have no place in any id or link: they end lines in `.ics` files and logs. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const hasControl = (value: string): boolean => /[\u0000-\u001f\u007f]/.test(value);

/** An id as the app and Teams make them; anything longer or with control characters is refused before storage. */
const isId = (value: string): boolean => value.length <= ID_MAX && !hasControl(value);

function isHttpsUrl(value: string): boolean {
  // The URL parser drops CR, LF and tabs silently; the stored text would keep them.
  if (hasControl(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The last moment a session may start: the same day and time, START_AHEAD_MAX_YEARS on. */
function latestStart(now: Date): number {
  const latest = new Date(now.getTime());
  latest.setUTCFullYear(latest.getUTCFullYear() + START_AHEAD_MAX_YEARS);
  return latest.getTime();
}

/**
 * Reads a session form from any surface (card inputs, task module, API body) and names every
 * problem. The start comes either as `startsAt` (ISO) or as `date` + `time` in the team's zone; the
 * length either as `durationMinutes` or as `endsAt` (ISO) / `endTime`.
 */
export function validateSessionInput(raw: unknown, ctx: ValidationContext): Validation {
  const input: Record<string, unknown> =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const cur = ctx.current;
  const has = (name: string) => name in input && input[name] !== undefined;
  const problems: SessionProblem[] = [];
  const problem = (field: SessionField, code: SessionProblemCode) => problems.push({ field, code });

  const title = has('title') ? trimInvisible(str(input.title) ?? '') : (cur?.title ?? '');
  if (title === '') problem('title', 'titleRequired');
  else if (title.length > TITLE_MAX) problem('title', 'titleTooLong');

  const description = has('description') ? (str(input.description) ?? '') : (cur?.description ?? '');
  if (description.length > DESCRIPTION_MAX) problem('description', 'descriptionTooLong');

  const formatRaw = has('format') ? str(input.format) : (cur?.format ?? 'talk');
  const format = SESSION_FORMATS.find((f) => f === formatRaw);
  if (!format) problem('format', 'formatUnknown');

  const skills = has('skills') ? list(input.skills) : [...(cur?.skills ?? [])];
  if (!skills || skills.length > SKILLS_MAX || skills.some((s) => s.length > SKILL_MAX)) problem('skills', 'skillsInvalid');

  // Start: ISO, or date + time in the team's zone.
  let start: Date | undefined;
  const startGiven = present(input.startsAt) || present(input.date) || present(input.time);
  if (present(input.startsAt)) {
    const text = str(input.startsAt);
    const parsed = text && /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : undefined;
    if (!parsed || Number.isNaN(parsed.getTime())) problem('startsAt', 'startInvalid');
    else start = parsed;
  } else if (present(input.date) || present(input.time)) {
    if (!present(input.date) || !present(input.time)) problem('startsAt', 'startRequired');
    else {
      start = parseWallTime(str(input.date) ?? '', str(input.time) ?? '', ctx.timeZone);
      if (!start) problem('startsAt', 'startInvalid');
    }
  } else if (cur) {
    start = new Date(cur.startsAt);
  } else {
    problem('startsAt', 'startRequired');
  }
  const startChanged = start !== undefined && (!cur || start.getTime() !== Date.parse(cur.startsAt));
  if (start && startGiven && startChanged && start.getTime() <= ctx.now.getTime()) problem('startsAt', 'startInPast');
  else if (start && startGiven && startChanged && start.getTime() > latestStart(ctx.now)) problem('startsAt', 'startTooFar');

  // Length: minutes, or an end.
  let duration: number | undefined = cur?.durationMinutes;
  if (present(input.durationMinutes)) {
    duration = num(input.durationMinutes);
    if (duration === undefined || !Number.isInteger(duration)) problem('durationMinutes', 'durationOutOfRange');
  } else if (present(input.endsAt) || present(input.endTime)) {
    const end = present(input.endsAt)
      ? new Date(str(input.endsAt) ?? '')
      : parseWallTime(str(input.date) ?? '', str(input.endTime) ?? '', ctx.timeZone);
    if (!end || Number.isNaN(end.getTime()) || !start) problem('durationMinutes', 'endBeforeStart');
    else duration = Math.round((end.getTime() - start.getTime()) / 60_000);
    if (duration !== undefined && duration <= 0) {
      problem('durationMinutes', 'endBeforeStart');
      duration = undefined;
    }
  } else if (!cur) {
    duration = 60;
  }
  if (
    duration !== undefined &&
    (duration < DURATION_MIN || duration > DURATION_MAX) &&
    !problems.some((p) => p.field === 'durationMinutes')
  ) {
    problem('durationMinutes', duration <= 0 ? 'endBeforeStart' : 'durationOutOfRange');
  }

  let capacity: number | null = cur ? cur.capacity : null;
  if (has('capacity')) {
    if (!present(input.capacity)) capacity = null;
    else {
      const n = num(input.capacity);
      if (n === undefined || !Number.isInteger(n) || n < 1 || n > CAPACITY_MAX) problem('capacity', 'capacityNotPositive');
      else capacity = n;
    }
  }

  const onlineUrl = has('onlineUrl') ? (str(input.onlineUrl) ?? '') : (cur?.onlineUrl ?? '');
  if (onlineUrl.length > ONLINE_URL_MAX) problem('onlineUrl', 'linkTooLong');
  else if (onlineUrl !== '' && !isHttpsUrl(onlineUrl)) problem('onlineUrl', 'linkNotHttps');

  const place = has('place') ? (str(input.place) ?? '') : (cur?.place ?? '');
  if (place.length > PLACE_MAX) problem('place', 'placeTooLong');

  const recurrenceRaw = has('recurrence') && present(input.recurrence) ? str(input.recurrence) : (cur?.recurrence ?? 'none');
  const recurrence = RECURRENCES.find((r) => r === recurrenceRaw);
  if (!recurrence) problem('recurrence', 'recurrenceUnknown');
  // An end only means something for a new series; an edit changes occurrences one by one.
  const repeatUntil = !cur && recurrence && recurrence !== 'none' && present(input.repeatUntil) ? (str(input.repeatUntil) ?? '') : '';
  if (repeatUntil && recurrence && start) {
    const endProblem = seriesEndProblem(repeatUntil, start, recurrence, ctx.timeZone);
    if (endProblem) problem('repeatUntil', endProblem);
  }

  const channelId = has('channelId') ? (str(input.channelId) ?? '') : (cur?.channelId ?? '');
  if (!isId(channelId)) problem('channelId', 'channelUnknown');
  else if (channelId !== '' && ctx.channels && ctx.channels.length > 0 && !ctx.channels.some((c) => c.channelId === channelId)) {
    problem('channelId', 'channelUnknown');
  }

  const host = cur?.hostId ?? ctx.hostId;
  // Kept from the session as read: rows from before the rule that list the host read without them (session-mapper.ts).
  const teacherIds = has('teacherIds') ? list(input.teacherIds) : [...(cur?.teacherIds ?? [])];
  const leader = has('discussionLeaderId') ? (str(input.discussionLeaderId) ?? '') : (cur?.discussionLeaderId ?? '');
  if (!teacherIds || teacherIds.length > TEACHERS_MAX) problem('teacherIds', 'peopleInvalid');
  else if (!teacherIds.every(isId)) problem('teacherIds', 'personUnknown');
  // Refused, not dropped: whoever sent it meant something by it, and the forms never offer the host.
  else if (host !== undefined && teacherIds.includes(host)) problem('teacherIds', 'hostIsTeacher');
  if (!isId(leader)) problem('discussionLeaderId', 'personUnknown');

  const openToOrganisation = has('openToOrganisation') ? (bool(input.openToOrganisation) ?? false) : (cur?.openToOrganisation ?? false);

  if (problems.length > 0 || !format || !skills || !start || duration === undefined || !recurrence || !teacherIds) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    draft: {
      title,
      description,
      skills: [...new Set(skills)],
      format,
      startsAt: start.toISOString(),
      durationMinutes: duration,
      ...(onlineUrl ? { onlineUrl } : {}),
      ...(place ? { place } : {}),
      capacity,
      ...(channelId ? { channelId } : {}),
      teacherIds: [...new Set(teacherIds)],
      ...(leader ? { discussionLeaderId: leader } : {}),
      openToOrganisation,
      recurrence,
      ...(repeatUntil ? { repeatUntil } : {}),
    },
  };
}

interface NewSessionIds {
  readonly tenantId: string;
  readonly teamId: string;
  readonly hostId: string;
  /** One id per occurrence, plus one for the series. */
  readonly newId: () => string;
}

/** The sessions a valid draft creates: one, or the occurrences of a series sharing a `seriesId`. */
export function sessionsFromDraft(draft: SessionDraft, ids: NewSessionIds, timeZone: string, now: Date): LearningSession[] {
  const starts = occurrenceStarts(draft.startsAt, draft.recurrence, timeZone, draft.repeatUntil);
  const seriesId = starts.length > 1 ? ids.newId() : undefined;
  const at = now.toISOString();
  return starts.map((startsAt) => ({
    tenantId: ids.tenantId,
    teamId: ids.teamId,
    sessionId: ids.newId(),
    title: draft.title,
    description: draft.description,
    skills: draft.skills,
    format: draft.format,
    startsAt,
    durationMinutes: draft.durationMinutes,
    ...(draft.onlineUrl ? { onlineUrl: draft.onlineUrl } : {}),
    ...(draft.place ? { place: draft.place } : {}),
    capacity: draft.capacity,
    ...(draft.channelId ? { channelId: draft.channelId } : {}),
    hostId: ids.hostId,
    teacherIds: draft.teacherIds,
    ...(draft.discussionLeaderId ? { discussionLeaderId: draft.discussionLeaderId } : {}),
    status: 'scheduled' as const,
    openToOrganisation: draft.openToOrganisation,
    counts: { yes: 0, maybe: 0, no: 0 },
    ...(seriesId ? { seriesId, recurrence: draft.recurrence } : {}),
    createdAt: at,
    updatedAt: at,
  }));
}

/** An edit applied to a stored session (one occurrence; the series' others stay as they are). */
export function applyDraft(current: LearningSession, draft: SessionDraft, now: Date): LearningSession {
  const { recurrence: _recurrence, repeatUntil: _until, onlineUrl, place, channelId, discussionLeaderId, ...rest } = draft;
  const { onlineUrl: _o, place: _p, channelId: _c, discussionLeaderId: _d, ...kept } = current;
  return {
    ...kept,
    ...rest,
    ...(onlineUrl ? { onlineUrl } : {}),
    ...(place ? { place } : {}),
    ...(channelId ? { channelId } : {}),
    ...(discussionLeaderId ? { discussionLeaderId } : {}),
    updatedAt: now.toISOString(),
  };
}

/** Why an RSVP (or question, or feedback) cannot be taken now. */
export type SessionClosedReason = 'cancelled' | 'past';

export function rsvpClosedReason(session: LearningSession, now: Date): SessionClosedReason | undefined {
  if (session.status === 'cancelled') return 'cancelled';
  // Answers stay open until the start: afterwards the count is history.
  if (Date.parse(session.startsAt) <= now.getTime()) return 'past';
  return undefined;
}
