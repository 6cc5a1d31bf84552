import {
  SERIES_OCCURRENCES,
  SERIES_OCCURRENCES_MAX,
  parseWallTime,
  toDateAndTimeInputs,
  SESSION_CAPACITY_MAX,
  SESSION_DURATION_MAX,
  SESSION_DURATION_MIN,
  SESSION_ONLINE_URL_MAX,
  SESSION_START_AHEAD_MAX_YEARS,
  SESSION_TEACHERS_MAX,
  SESSION_TITLE_MAX,
} from '../../../../bot/src/api/contract';
import type { SessionDetailResponse, SessionInput, SessionSummary } from '../../../../bot/src/api/contract';

type SessionFormat = SessionSummary['format'];
type Recurrence = NonNullable<SessionInput['recurrence']>;
export const recurrences: readonly Recurrence[] = ['none', 'weekly', 'biweekly', 'monthly'];

/** Everything the form holds, as typed (strings), so nothing is lost on a failed save or a reload. */
export interface SessionDraft {
  readonly title: string;
  readonly description: string;
  readonly skills: string;
  readonly format: SessionFormat;
  /** `YYYY-MM-DD`, on the team's wall clock (its time zone setting), whatever the browser's zone. */
  readonly date: string;
  /** `HH:MM`, 24-hour, on the team's wall clock. */
  readonly time: string;
  readonly duration: string;
  readonly place: string;
  readonly onlineUrl: string;
  readonly capacity: string;
  /** Empty: none. The name is kept only to show who it is. */
  readonly discussionLeaderId: string;
  readonly discussionLeaderName: string;
  /** Where the invite is posted; NO_CHANNEL: no invite, the board only; empty: not chosen yet (the form picks the default). */
  readonly channelId: string;
  /** New sessions only. */
  readonly recurrence: Recurrence;
  /** `YYYY-MM-DD` (team's wall clock), the series' last day; empty: the next SERIES_OCCURRENCES. */
  readonly repeatUntil: string;
  /** Co-teachers' ids, comma-separated (the draft keeps strings only, so it survives sessionStorage as typed). */
  readonly teacherIds: string;
  /** `'true'` or `''`. */
  readonly openToOrganisation: string;
}

export type DraftField = keyof SessionDraft;

type DraftErrorKey =
  | 'titleRequired'
  | 'titleTooLong'
  | 'dateRequired'
  | 'dateInPast'
  | 'dateTooFar'
  | 'timeRequired'
  | 'durationRange'
  | 'capacityRange'
  | 'urlInvalid'
  | 'descriptionTooLong'
  | 'placeTooLong'
  | 'skillsInvalid'
  | 'repeatUntilInvalid'
  | 'repeatUntilBeforeStart'
  | 'repeatUntilTooFar'
  | 'recurrenceUnknown'
  | 'channelUnknown'
  | 'peopleNotInTeam'
  | 'teachersTooMany'
  | 'hostIsTeacher'
  | 'invalid';

export type DraftErrors = Partial<Record<DraftField, DraftErrorKey>>;

export const sessionFormats: readonly SessionFormat[] = ['talk', 'workshop', 'pair', 'lunchAndLearn', 'demo', 'qa'];

/** The service's own limits (from the contract), under the names the form uses. */
export const limits = {
  titleMax: SESSION_TITLE_MAX,
  durationMin: SESSION_DURATION_MIN,
  durationMax: SESSION_DURATION_MAX,
  capacityMax: SESSION_CAPACITY_MAX,
  aheadYears: SESSION_START_AHEAD_MAX_YEARS,
  seriesDefault: SERIES_OCCURRENCES,
  seriesMax: SERIES_OCCURRENCES_MAX,
  teachersMax: SESSION_TEACHERS_MAX,
} as const;

export const emptyDraft: SessionDraft = {
  title: '',
  description: '',
  skills: '',
  format: 'talk',
  date: '',
  time: '',
  duration: '45',
  place: '',
  onlineUrl: '',
  capacity: '',
  discussionLeaderId: '',
  discussionLeaderName: '',
  channelId: '',
  recurrence: 'none',
  repeatUntil: '',
  teacherIds: '',
  openToOrganisation: '',
};

/** The "no invite" choice; Teams channel ids look like `19:…@thread.tacv2`, never like this. */
export const NO_CHANNEL = 'none';

export const teacherList = (draft: Pick<SessionDraft, 'teacherIds'>): string[] =>
  draft.teacherIds
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');

/**
 * The draft without the host among its co-teachers. A draft saved before the form left the host out (or a
 * session stored so) may list them: they are dropped quietly rather than shown as an error, because the form
 * no longer shows the host's own tick, so an error would point at something the person cannot see or undo,
 * and dropping it changes nothing about who teaches (the host does, as host).
 */
export function withoutHostAsTeacher(draft: SessionDraft, hostId: string): SessionDraft {
  const teachers = teacherList(draft);
  return teachers.includes(hostId) ? { ...draft, teacherIds: teachers.filter((id) => id !== hostId).join(',') } : draft;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function localTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The draft's date and time as a local `Date` with the same wall-clock fields: what the date and
 * time pickers work with. Not the real moment (see `startInstant`), unless browser and team share a zone.
 */
export function startOf(draft: Pick<SessionDraft, 'date' | 'time'>): Date | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(draft.date);
  const t = /^(\d{1,2}):(\d{2})$/.exec(draft.time);
  if (!d || !t) return undefined;
  const start = new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  return Number.isNaN(start.getTime()) ? undefined : start;
}

/** The real moment the draft starts: its date and time on the team's wall clock. */
export function startInstant(draft: Pick<SessionDraft, 'date' | 'time'>, timeZone: string): Date | undefined {
  if (!startOf(draft)) return undefined;
  const [hours = '', minutes = ''] = draft.time.split(':');
  return parseWallTime(draft.date, `${hours.padStart(2, '0')}:${minutes}`, timeZone);
}

export function draftFromSession(session: SessionDetailResponse, timeZone: string): SessionDraft {
  const { date, time } = toDateAndTimeInputs(new Date(session.startsAt), timeZone);
  return {
    title: session.title,
    description: session.description,
    skills: session.skills.join(', '),
    format: session.format,
    date,
    time,
    duration: String(session.durationMinutes),
    place: session.place ?? '',
    onlineUrl: session.onlineUrl ?? '',
    capacity: session.capacity === null ? '' : String(session.capacity),
    discussionLeaderId: session.discussionLeader?.userId ?? '',
    discussionLeaderName: session.discussionLeader?.displayName ?? '',
    channelId: session.channelId ?? NO_CHANNEL,
    recurrence: 'none',
    repeatUntil: '',
    teacherIds: session.teachers.map((p) => p.userId).join(','),
    openToOrganisation: session.openToOrganisation ? 'true' : '',
  };
}

/** The last moment a session may start, as the service counts it (same day and time, some years on). */
function latestStart(now: Date): number {
  const latest = new Date(now.getTime());
  latest.setUTCFullYear(latest.getUTCFullYear() + limits.aheadYears);
  return latest.getTime();
}

/** The inline checks; the server checks again and its field errors are mapped onto the same fields. */
export function validateDraft(draft: SessionDraft, now: Date, timeZone: string): DraftErrors {
  const errors: DraftErrors = {};
  const title = draft.title.trim();
  if (!title) errors.title = 'titleRequired';
  else if (title.length > limits.titleMax) errors.title = 'titleTooLong';
  if (!draft.date) errors.date = 'dateRequired';
  if (!draft.time) errors.time = 'timeRequired';
  const start = startInstant(draft, timeZone);
  if (draft.date && draft.time && !start) errors.time = 'timeRequired';
  if (start && start.getTime() <= now.getTime()) errors.date = 'dateInPast';
  else if (start && start.getTime() > latestStart(now)) errors.date = 'dateTooFar';
  const duration = Number(draft.duration);
  if (!Number.isInteger(duration) || duration < limits.durationMin || duration > limits.durationMax) errors.duration = 'durationRange';
  if (draft.capacity.trim()) {
    const capacity = Number(draft.capacity);
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > limits.capacityMax) errors.capacity = 'capacityRange';
  }
  if (draft.onlineUrl.trim()) {
    if (
      draft.onlineUrl.trim().length > SESSION_ONLINE_URL_MAX ||
      !URL.canParse(draft.onlineUrl.trim()) ||
      new URL(draft.onlineUrl.trim()).protocol !== 'https:'
    )
      errors.onlineUrl = 'urlInvalid';
  }
  if (draft.recurrence !== 'none' && draft.repeatUntil) {
    // Dates as text compare as dates; the service counts the occurrences (at most seriesMax) and says so on this field.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.repeatUntil)) errors.repeatUntil = 'repeatUntilInvalid';
    else if (draft.date && draft.repeatUntil < draft.date) errors.repeatUntil = 'repeatUntilBeforeStart';
  }
  if (teacherList(draft).length > limits.teachersMax) errors.teacherIds = 'teachersTooMany';
  return errors;
}

/**
 * The API body. The start goes as `date` + `time` on the team's wall clock, never as a browser-local
 * instant: the service reads them in the team's zone (a New York browser planning 10:00 means 10:00 there).
 * `editing`: a series' repeat and end belong to its creation only.
 */
export function toSessionInput(draft: SessionDraft, editing = false): SessionInput {
  if (!startOf(draft)) throw new Error('toSessionInput needs a validated draft');
  const [hours = '', minutes = ''] = draft.time.split(':');
  const place = draft.place.trim();
  const onlineUrl = draft.onlineUrl.trim();
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    skills: draft.skills
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    format: draft.format,
    date: draft.date,
    time: `${hours.padStart(2, '0')}:${minutes}`,
    durationMinutes: Number(draft.duration),
    capacity: draft.capacity.trim() ? Number(draft.capacity) : null,
    // Always sent, empty when cleared: on an edit, a left-out field keeps its stored value, and
    // removing the place, the link or the discussion leader must stick.
    place,
    onlineUrl,
    discussionLeaderId: draft.discussionLeaderId,
    channelId: draft.channelId === NO_CHANNEL ? '' : draft.channelId,
    teacherIds: teacherList(draft),
    openToOrganisation: draft.openToOrganisation === 'true',
    ...(editing
      ? {}
      : { recurrence: draft.recurrence, ...(draft.recurrence !== 'none' && draft.repeatUntil ? { repeatUntil: draft.repeatUntil } : {}) }),
  };
}

const serverFieldNames: Record<string, DraftField> = {
  title: 'title',
  description: 'description',
  skills: 'skills',
  format: 'format',
  startsAt: 'date',
  durationMinutes: 'duration',
  place: 'place',
  onlineUrl: 'onlineUrl',
  capacity: 'capacity',
  discussionLeaderId: 'discussionLeaderId',
  teacherIds: 'teacherIds',
  channelId: 'channelId',
  recurrence: 'recurrence',
  repeatUntil: 'repeatUntil',
};

/** The API's problem codes (domain/sessions/session-rules.ts) in the form's words. */
const serverCodes: Readonly<Record<string, DraftErrorKey>> = {
  titleRequired: 'titleRequired',
  titleTooLong: 'titleTooLong',
  descriptionTooLong: 'descriptionTooLong',
  startRequired: 'dateRequired',
  startInvalid: 'dateRequired',
  startInPast: 'dateInPast',
  startTooFar: 'dateTooFar',
  durationOutOfRange: 'durationRange',
  endBeforeStart: 'durationRange',
  capacityNotPositive: 'capacityRange',
  linkNotHttps: 'urlInvalid',
  linkTooLong: 'urlInvalid',
  placeTooLong: 'placeTooLong',
  skillsInvalid: 'skillsInvalid',
  repeatUntilInvalid: 'repeatUntilInvalid',
  repeatUntilBeforeStart: 'repeatUntilBeforeStart',
  repeatUntilTooFar: 'repeatUntilTooFar',
  recurrenceUnknown: 'recurrenceUnknown',
  channelUnknown: 'channelUnknown',
  peopleNotInTeam: 'peopleNotInTeam',
  personUnknown: 'peopleNotInTeam',
  peopleInvalid: 'teachersTooMany',
  hostIsTeacher: 'hostIsTeacher',
};

/** The API's field errors (its names, its codes) onto the form's fields, in words we can translate. */
export function mapServerErrors(fields: Readonly<Record<string, string>>): DraftErrors {
  const errors: DraftErrors = {};
  for (const [name, code] of Object.entries(fields)) {
    const field = serverFieldNames[name] ?? serverFieldNames[name.split('.')[0] ?? ''];
    if (!field) continue;
    errors[field] = serverCodes[code] ?? 'invalid';
  }
  return errors;
}

/** A draft read back from sessionStorage, trusting only the fields we know, as strings. */
export function parseStoredDraft(raw: string | null): SessionDraft | undefined {
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    const draft: Record<string, string> = { ...emptyDraft };
    for (const key of Object.keys(emptyDraft)) {
      const field = record[key];
      if (typeof field === 'string') draft[key] = field;
    }
    if (!sessionFormats.includes(draft['format'] as SessionFormat)) draft['format'] = emptyDraft.format;
    if (!recurrences.includes(draft['recurrence'] as Recurrence)) draft['recurrence'] = emptyDraft.recurrence;
    return draft as unknown as SessionDraft;
  } catch {
    return undefined;
  }
}
