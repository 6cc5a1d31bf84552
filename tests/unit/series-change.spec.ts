import { describe, expect, it } from '@jest/globals';
import {
  isSeriesScope,
  laterOccurrences,
  occurrenceInput,
  seriesChange,
  shiftStart,
  wallShiftMinutes,
} from '../../bot/src/domain/sessions/series-change';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import { occurrenceStarts, validateSessionInput } from '../../bot/src/domain/sessions/session-rules';
import { toDateAndTimeInputs } from '../../bot/src/domain/shared/zoned-time';
import { omit } from '../support/omit';

const TZ = 'Europe/Amsterdam';
const NOW = new Date('2026-10-01T08:00:00.000Z');

function occurrence(sessionId: string, startsAt: string, overrides: Partial<LearningSession> = {}): LearningSession {
  return {
    tenantId: 't',
    teamId: 'team',
    sessionId,
    title: 'Lunch talk',
    description: '',
    skills: ['TypeScript'],
    format: 'talk',
    startsAt,
    durationMinutes: 60,
    capacity: null,
    place: 'Room 1',
    hostId: 'host',
    teacherIds: [],
    status: 'scheduled',
    openToOrganisation: false,
    counts: { yes: 0, maybe: 0, no: 0 },
    seriesId: 'series-1',
    recurrence: 'weekly',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

const local = (iso: string) => toDateAndTimeInputs(new Date(iso), TZ);

// Weekly on Tuesday 12:00 Amsterdam time; summer time ends on Sunday 25 October 2026.
const starts = occurrenceStarts('2026-10-13T10:00:00.000Z', 'weekly', TZ);

describe('shifting a series by a wall-clock change', () => {
  it('the series spans the daylight-saving change: 12:00 local throughout, one hour apart in UTC', () => {
    expect(starts.slice(0, 3)).toEqual(['2026-10-13T10:00:00.000Z', '2026-10-20T10:00:00.000Z', '2026-10-27T11:00:00.000Z']);
  });

  it('12:00 → 12:30 on an occurrence in summer time moves a winter occurrence to 12:30 local too', () => {
    const shift = wallShiftMinutes(starts[0] ?? '', '2026-10-13T10:30:00.000Z', TZ);
    expect(shift).toBe(30);
    const moved = starts.map((s) => shiftStart(s, shift, TZ));
    expect(moved.map((s) => local(s).time)).toEqual(Array(8).fill('12:30'));
    expect(moved.map((s) => local(s).date)).toEqual(starts.map((s) => local(s).date));
    expect(moved[2]).toBe('2026-10-27T11:30:00.000Z');
  });

  it('moving the date of the addressed occurrence shifts the later ones by the same number of days, keeping 12:00 local', () => {
    // Tuesday 20 October 12:00 → Wednesday 21 October 12:00.
    const shift = wallShiftMinutes('2026-10-20T10:00:00.000Z', '2026-10-21T10:00:00.000Z', TZ);
    expect(shift).toBe(24 * 60);
    expect(shiftStart('2026-10-27T11:00:00.000Z', shift, TZ)).toBe('2026-10-28T11:00:00.000Z');
    // A day back from Monday 26 October 00:30 lands in summer time on Sunday 25 October 00:30 (UTC+2).
    expect(shiftStart('2026-10-25T23:30:00.000Z', -24 * 60, TZ)).toBe('2026-10-24T22:30:00.000Z');
  });

  it('moving the addressed occurrence a week across the change moves the later ones a week at 12:00 local, not by the UTC difference', () => {
    // 20 October 12:00 (UTC+2) → 27 October 12:00 (UTC+1): 7 days and 1 hour apart in UTC, 7 days on the wall clock.
    const shift = wallShiftMinutes('2026-10-20T10:00:00.000Z', '2026-10-27T11:00:00.000Z', TZ);
    expect(shift).toBe(7 * 24 * 60);
    expect(local(shiftStart('2026-11-03T11:00:00.000Z', shift, TZ))).toEqual({ date: '2026-11-10', time: '12:00' });
  });

  it('a change of date and time together moves each occurrence by both', () => {
    const shift = wallShiftMinutes('2026-10-20T10:00:00.000Z', '2026-10-22T07:15:00.000Z', TZ);
    expect(shift).toBe(2 * 24 * 60 - 2 * 60 - 45);
    expect(local(shiftStart('2026-11-03T11:00:00.000Z', shift, TZ))).toEqual({ date: '2026-11-05', time: '09:15' });
  });

  it('no change leaves the stored start exactly as it is', () => {
    expect(shiftStart('2026-10-25T00:30:00.000Z', 0, TZ)).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('what a following-change carries over', () => {
  const addressed = occurrence('s2', starts[1] ?? '');

  it('only the changed fields, removals as empty values, and the wall-clock shift', () => {
    const validation = validateSessionInput(
      { title: 'Lunch & learn', place: '', time: '12:30', date: '2026-10-20', capacity: 12 },
      { now: NOW, timeZone: TZ, current: addressed },
    );
    if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
    const change = seriesChange(addressed, validation.draft, TZ);
    expect(change).toEqual({ fields: { title: 'Lunch & learn', place: '', capacity: 12 }, shiftMinutes: 30 });

    const later = occurrence('s5', starts[4] ?? '', { place: 'Room 9', description: 'Own text' });
    const input = occurrenceInput(later, change, TZ);
    expect(input).toEqual({ title: 'Lunch & learn', place: '', capacity: 12, startsAt: '2026-11-10T11:30:00.000Z' });
    const applied = validateSessionInput(input, { now: NOW, timeZone: TZ, current: later });
    expect(applied).toMatchObject({
      ok: true,
      draft: { title: 'Lunch & learn', description: 'Own text', capacity: 12, startsAt: '2026-11-10T11:30:00.000Z' },
    });
    expect(applied.ok && applied.draft.place).toBeUndefined();
  });

  it('nothing changed: nothing carried over', () => {
    const validation = validateSessionInput({ title: 'Lunch talk' }, { now: NOW, timeZone: TZ, current: addressed });
    if (!validation.ok) throw new Error('invalid');
    expect(seriesChange(addressed, validation.draft, TZ)).toEqual({ fields: {}, shiftMinutes: 0 });
  });

  it('a shift that would put a later occurrence in the past is named for that occurrence', () => {
    const change = { fields: {}, shiftMinutes: -30 * 24 * 60 };
    const later = occurrence('s3', starts[2] ?? '');
    const checked = validateSessionInput(occurrenceInput(later, change, TZ), { now: NOW, timeZone: TZ, current: later });
    expect(checked).toEqual({ ok: false, problems: [{ field: 'startsAt', code: 'startInPast' }] });
  });
});

describe('which occurrences a following-change reaches', () => {
  it('later, scheduled, not started, same series; soonest first', () => {
    const now = new Date('2026-10-21T00:00:00.000Z');
    const all = [
      occurrence('past', starts[0] ?? ''),
      occurrence('addressed', starts[1] ?? ''),
      occurrence('cancelled', starts[2] ?? '', { status: 'cancelled' }),
      occurrence('later-b', starts[4] ?? ''),
      occurrence('later-a', starts[3] ?? ''),
      occurrence('other-series', starts[5] ?? '', { seriesId: 'series-2' }),
      omit(occurrence('one-off', starts[6] ?? ''), 'seriesId', 'recurrence'),
    ];
    const addressed = all[1];
    if (!addressed) throw new Error('no session');
    expect(laterOccurrences(all, addressed, now).map((s) => s.sessionId)).toEqual(['later-a', 'later-b']);
    // A one-off session has no series to reach.
    const oneOff = all[6];
    if (!oneOff) throw new Error('no session');
    expect(laterOccurrences(all, oneOff, now)).toEqual([]);
    // Addressing a past occurrence still never reaches into the past.
    const past = all[0];
    if (!past) throw new Error('no session');
    expect(laterOccurrences(all, past, new Date('2026-11-04T00:00:00.000Z')).map((s) => s.sessionId)).toEqual(['later-b']);
  });

  it('scope values', () => {
    expect(['one', 'following', 'all', undefined, 1].map(isSeriesScope)).toEqual([true, true, false, false, false]);
  });
});
