import type { LearningSession } from './session';
import type { SessionDraft } from './session-rules';
import { wallTimeOf, wallTimeToUtc } from '../shared/zoned-time';
import type { WallTime } from '../shared/zoned-time';

/**
 * Editing or cancelling one occurrence of a series, or that one and every later one (DESIGN F3):
 * a host who moves "every Tuesday 12:00" to 12:30 should not have to edit eight sessions.
 */
const SERIES_SCOPES = ['one', 'following'] as const;
export type SeriesScope = (typeof SERIES_SCOPES)[number];

export const isSeriesScope = (value: unknown): value is SeriesScope => SERIES_SCOPES.includes(value as SeriesScope);

/**
 * The later occurrences a `following` change reaches: same series, still scheduled, not yet started,
 * starting after the addressed one; soonest first. Past and cancelled ones are history and stay as they are.
 */
export function laterOccurrences(sessions: readonly LearningSession[], addressed: LearningSession, now: Date): LearningSession[] {
  if (!addressed.seriesId) return [];
  const from = Date.parse(addressed.startsAt);
  return sessions
    .filter(
      (s) =>
        s.sessionId !== addressed.sessionId &&
        s.seriesId === addressed.seriesId &&
        s.hostId === addressed.hostId &&
        s.status === 'scheduled' &&
        Date.parse(s.startsAt) > from &&
        Date.parse(s.startsAt) > now.getTime(),
    )
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** Minutes on a naive wall clock (no zone): the difference of two of them is the wall-clock change. */
const wallMinutes = (w: WallTime): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) / 60_000;

function wallFromMinutes(minutes: number): WallTime {
  const d = new Date(minutes * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/**
 * How far the addressed occurrence moved on the team's wall clock (days and time of day together):
 * 12:00 → 12:30 is +30 whatever the UTC offsets of the two dates.
 */
export function wallShiftMinutes(fromIso: string, toIso: string, timeZone: string): number {
  return wallMinutes(wallTimeOf(new Date(toIso), timeZone)) - wallMinutes(wallTimeOf(new Date(fromIso), timeZone));
}

/**
 * `startsAt` moved by a wall-clock change in the zone: each occurrence keeps its own date (plus any
 * shift of days) and its local time moves the same way, across daylight-saving changes
 * (a Tuesday 12:00 in summer and one in winter both become 12:30 local).
 */
export function shiftStart(startsAt: string, minutes: number, timeZone: string): string {
  if (minutes === 0) return startsAt;
  const wall = wallTimeOf(new Date(startsAt), timeZone);
  return wallTimeToUtc(wallFromMinutes(wallMinutes(wall) + minutes), timeZone).toISOString();
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * What an edit changed on the addressed occurrence, as session-form input for each later one.
 * Only what changed is carried over, so an occurrence edited on its own before (another room that
 * week) keeps what the host did not touch now. Removed values are sent as '' so they are removed there too.
 */
interface SeriesChange {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly shiftMinutes: number;
}

export function seriesChange(addressed: LearningSession, draft: SessionDraft, timeZone: string): SeriesChange {
  const fields: Record<string, unknown> = {};
  if (draft.title !== addressed.title) fields.title = draft.title;
  if (draft.description !== addressed.description) fields.description = draft.description;
  if (!sameList(draft.skills, addressed.skills)) fields.skills = draft.skills;
  if (draft.format !== addressed.format) fields.format = draft.format;
  if (draft.durationMinutes !== addressed.durationMinutes) fields.durationMinutes = draft.durationMinutes;
  if ((draft.onlineUrl ?? '') !== (addressed.onlineUrl ?? '')) fields.onlineUrl = draft.onlineUrl ?? '';
  if ((draft.place ?? '') !== (addressed.place ?? '')) fields.place = draft.place ?? '';
  if (draft.capacity !== addressed.capacity) fields.capacity = draft.capacity;
  if ((draft.channelId ?? '') !== (addressed.channelId ?? '')) fields.channelId = draft.channelId ?? '';
  if (!sameList(draft.teacherIds, addressed.teacherIds)) fields.teacherIds = draft.teacherIds;
  if ((draft.discussionLeaderId ?? '') !== (addressed.discussionLeaderId ?? '')) fields.discussionLeaderId = draft.discussionLeaderId ?? '';
  if (draft.openToOrganisation !== addressed.openToOrganisation) fields.openToOrganisation = draft.openToOrganisation;
  return { fields, shiftMinutes: wallShiftMinutes(addressed.startsAt, draft.startsAt, timeZone) };
}

/** The form input that applies `change` to a later occurrence (validated like any single edit). */
export function occurrenceInput(occurrence: LearningSession, change: SeriesChange, timeZone: string): Record<string, unknown> {
  return {
    ...change.fields,
    ...(change.shiftMinutes !== 0 ? { startsAt: shiftStart(occurrence.startsAt, change.shiftMinutes, timeZone) } : {}),
  };
}
