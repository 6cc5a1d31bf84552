import { addDaysWall, wallTimeOf, wallTimeToUtc } from '../shared/zoned-time';
import type { WallTime } from '../shared/zoned-time';
import { WEEKDAYS } from './buddy';
import type { BuddyCadence } from './buddy';

const DAY_MS = 24 * 3600 * 1000;

/** `HH:mm`, 24-hour. */
export const CADENCE_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function timeOf(cadence: BuddyCadence): { readonly hour: number; readonly minute: number } {
  const match = CADENCE_TIME.exec(cadence.time);
  return { hour: Number(match?.[1] ?? 0), minute: Number(match?.[2] ?? 0) };
}

// WEEKDAYS starts on Monday; Date's getUTCDay() on Sunday.
const weekdayIndex = (wall: WallTime): number => (new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() + 6) % 7;

/** The first moment strictly after `after` that is the cadence's weekday and time in `timeZone`. */
export function firstSlotAfter(cadence: BuddyCadence, timeZone: string, after: Date): Date {
  const today = wallTimeOf(after, timeZone);
  const { hour, minute } = timeOf(cadence);
  const ahead = (WEEKDAYS.indexOf(cadence.weekday) - weekdayIndex(today) + 7) % 7;
  for (const extra of [0, 7]) {
    const day = addDaysWall({ ...today, hour, minute }, ahead + extra);
    const at = wallTimeToUtc(day, timeZone);
    if (at.getTime() > after.getTime()) return at;
  }
  // Unreachable: a week later is always after.
  return new Date(after.getTime() + 7 * DAY_MS);
}

/**
 * The slot after `slot`: every `everyWeeks` weeks at the same wall-clock time in the zone (so 10:00
 * stays 10:00 across a DST change). Slots missed while nothing ran are skipped, not fired in a burst:
 * the answer is after `now`.
 */
export function nextSlot(cadence: BuddyCadence, timeZone: string, slot: Date, now: Date): Date {
  const { hour, minute } = timeOf(cadence);
  let wall: WallTime = { ...wallTimeOf(slot, timeZone), hour, minute };
  let at = slot;
  // Bounded: a year of weekly slots at most, then start from now.
  for (let i = 0; i < 60 && at.getTime() <= Math.max(now.getTime(), slot.getTime()); i += 1) {
    wall = addDaysWall(wall, 7 * cadence.everyWeeks);
    at = wallTimeToUtc(wall, timeZone);
  }
  return at.getTime() > now.getTime() ? at : firstSlotAfter(cadence, timeZone, now);
}

/** The id of a scheduled round: its slot. Several schedulers enqueueing the same slot make one round. */
export const scheduledRoundId = (slot: Date): string => `sched-${slot.toISOString()}`;

/** An owner's start: sortable by time, unique. */
export const ownerRoundId = (at: Date, shortId: string): string => `now-${at.toISOString()}-${shortId}`;

const ROUND_ID = /^(sched|now)-(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)(-[A-Za-z0-9]{1,32})?$/;

/** Whether a text is a round id PeerLearn makes (a path parameter is checked before use). */
export const isRoundId = (value: string): boolean => {
  const match = ROUND_ID.exec(value);
  return match !== null && (match[1] === 'sched') === (match[3] === undefined) && !Number.isNaN(Date.parse(match[2] ?? ''));
};

/** When the round was asked for: the slot, or the owner's click. */
export function roundStart(roundId: string): Date | undefined {
  const match = ROUND_ID.exec(roundId);
  return match ? new Date(match[2] ?? '') : undefined;
}

/** A 32-bit FNV-1a hash of the parts: the round's seed, the same on every retry. */
export function roundSeed(...parts: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The round's length: its cadence's weeks (two weeks without one). */
export const roundLengthMs = (cadence: BuddyCadence | undefined): number => (cadence?.everyWeeks ?? 2) * 7 * DAY_MS;
