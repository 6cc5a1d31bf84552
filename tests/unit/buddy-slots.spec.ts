import { describe, expect, it } from '@jest/globals';
import type { BuddyCadence } from '../../bot/src/domain/buddies/buddy';
import {
  firstSlotAfter,
  isRoundId,
  nextSlot,
  ownerRoundId,
  roundSeed,
  roundStart,
  scheduledRoundId,
} from '../../bot/src/domain/buddies/buddy-slots';
import { checkBuddyChange, checkCadence } from '../../bot/src/domain/buddies/buddy-validation';
import { wallTimeOf, wallTimeToUtc } from '../../bot/src/domain/shared/zoned-time';

const AMS = 'Europe/Amsterdam';
const DAY = 24 * 3600 * 1000;
const weekdayOf = (at: Date, zone: string) => {
  const w = wallTimeOf(at, zone);
  return (new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7;
};
const hhmm = (at: Date, zone: string) => {
  const w = wallTimeOf(at, zone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};
/** The last Sunday of a month next year, at noon in the zone: a DST change in Europe (March, October). */
function lastSundayNextYear(month: number): Date {
  const year = new Date().getUTCFullYear() + 1;
  const last = new Date(Date.UTC(year, month, 0));
  const day = last.getUTCDate() - last.getUTCDay();
  return wallTimeToUtc({ year, month, day, hour: 12, minute: 0 }, AMS);
}

describe('buddy round slots (every N weeks on a weekday at HH:mm in the team zone)', () => {
  const monday10: BuddyCadence = { everyWeeks: 1, weekday: 'mon', time: '10:00' };

  it('the first slot is the next such weekday and time, strictly after the moment', () => {
    const now = new Date();
    for (const zone of [AMS, 'America/New_York', 'Asia/Tokyo']) {
      const slot = firstSlotAfter(monday10, zone, now);
      expect(slot.getTime()).toBeGreaterThan(now.getTime());
      expect(slot.getTime() - now.getTime()).toBeLessThanOrEqual(7 * DAY);
      expect(weekdayOf(slot, zone)).toBe(0);
      expect(hhmm(slot, zone)).toBe('10:00');
      // Asked at the slot itself, the answer is a week on.
      expect(firstSlotAfter(monday10, zone, slot).getTime()).toBe(nextSlot(monday10, zone, slot, slot).getTime());
    }
  });

  it('keeps the wall-clock time across the spring and autumn DST changes', () => {
    for (const change of [lastSundayNextYear(3), lastSundayNextYear(10)]) {
      const before = firstSlotAfter({ everyWeeks: 2, weekday: 'fri', time: '09:30' }, AMS, new Date(change.getTime() - 10 * DAY));
      const after = nextSlot({ everyWeeks: 2, weekday: 'fri', time: '09:30' }, AMS, before, before);
      expect(after.getTime() - before.getTime()).not.toBe(14 * DAY);
      expect(Math.abs(after.getTime() - before.getTime() - 14 * DAY)).toBe(3600 * 1000);
      expect(hhmm(before, AMS)).toBe('09:30');
      expect(hhmm(after, AMS)).toBe('09:30');
      expect(weekdayOf(after, AMS)).toBe(4);
    }
  });

  it('every 4 weeks is 28 days on; slots missed while nothing ran are skipped, not fired in a burst', () => {
    const cadence: BuddyCadence = { everyWeeks: 4, weekday: 'wed', time: '13:15' };
    const now = new Date();
    const slot = firstSlotAfter(cadence, 'UTC', now);
    expect(nextSlot(cadence, 'UTC', slot, slot).getTime() - slot.getTime()).toBe(28 * DAY);
    const longAgo = firstSlotAfter(cadence, 'UTC', new Date(now.getTime() - 200 * DAY));
    const next = nextSlot(cadence, 'UTC', longAgo, now);
    expect(next.getTime()).toBeGreaterThan(now.getTime());
    expect(next.getTime() - now.getTime()).toBeLessThanOrEqual(28 * DAY);
    expect((next.getTime() - longAgo.getTime()) % (28 * DAY)).toBe(0);
  });

  it('round ids are the slot or the owner\u2019s click, and the seed is stable per round', () => {
    const at = new Date();
    expect(isRoundId(scheduledRoundId(at))).toBe(true);
    expect(isRoundId(ownerRoundId(at, 'abc123'))).toBe(true);
    expect(roundStart(ownerRoundId(at, 'abc123'))?.getTime()).toBe(at.getTime());
    for (const bad of ['sched-x', `now-${at.toISOString()}`, `sched-${at.toISOString()}-x`, '../etc', ''])
      expect(isRoundId(bad)).toBe(false);
    expect(roundSeed('t', 'p', 'r')).toBe(roundSeed('t', 'p', 'r'));
    expect(roundSeed('t', 'p', 'r')).not.toBe(roundSeed('t', 'p', 'r2'));
  });
});

describe('buddy input checks name each bad field', () => {
  it('a cadence out of range, an unknown weekday and a bad time', () => {
    expect(checkCadence({ everyWeeks: 3, weekday: 'someday', time: '25:00' })).toEqual({
      ok: false,
      problems: [
        { field: 'cadence.everyWeeks', code: 'outOfRange' },
        { field: 'cadence.weekday', code: 'unknownValue' },
        { field: 'cadence.time', code: 'badTime' },
      ],
    });
    expect(checkCadence(null)).toEqual({ ok: true, value: null });
    expect(checkCadence({ everyWeeks: 2, weekday: 'tue', time: '09:05' })).toEqual({
      ok: true,
      value: { everyWeeks: 2, weekday: 'tue', time: '09:05' },
    });
  });

  it('empty days, unknown modes, a non-boolean and an unknown field', () => {
    expect(checkBuddyChange({ optIn: 'yes', availability: { days: [], modes: ['telepathy'] }, colour: 'red' })).toEqual({
      ok: false,
      problems: [
        { field: 'colour', code: 'unknownField' },
        { field: 'optIn', code: 'notBoolean' },
        { field: 'availability.days', code: 'empty' },
        { field: 'availability.modes', code: 'unknownValue' },
      ],
    });
    expect(checkBuddyChange({ optIn: true, availability: { days: ['fri', 'mon', 'mon'], modes: ['online'] } })).toEqual({
      ok: true,
      value: { optIn: true, availability: { days: ['mon', 'fri'], modes: ['online'] } },
    });
  });
});
