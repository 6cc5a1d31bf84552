import { CADENCE_WEEKS, MEET_MODES, MET_ANSWERS, WEEKDAYS } from './buddy';
import type { BuddyAvailability, BuddyCadence, CadenceWeeks, MeetMode, MetAnswer, Weekday } from './buddy';
import type { BuddyChange, BuddyProblem } from './buddy-service-contract';
import { CADENCE_TIME } from './buddy-slots';

type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly BuddyProblem[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A list of known values, each once, at least one; in the catalogue's order. */
function choices<T extends string>(value: unknown, known: readonly T[], field: string, problems: BuddyProblem[]): T[] | undefined {
  if (!Array.isArray(value)) {
    problems.push({ field, code: 'notAList' });
    return undefined;
  }
  if (!value.every((v): v is T => typeof v === 'string' && (known as readonly string[]).includes(v))) {
    problems.push({ field, code: 'unknownValue' });
    return undefined;
  }
  if (value.length === 0) {
    problems.push({ field, code: 'empty' });
    return undefined;
  }
  return known.filter((k) => value.includes(k));
}

function availabilityOf(value: unknown, problems: BuddyProblem[]): BuddyAvailability | undefined {
  if (!isObject(value)) {
    problems.push({ field: 'availability', code: 'notAnObject' });
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(value))
    if (key !== 'days' && key !== 'modes') problems.push({ field: `availability.${key}`, code: 'unknownField' });
  const days = choices<Weekday>(value.days, WEEKDAYS, 'availability.days', problems);
  const modes = choices<MeetMode>(value.modes, MEET_MODES, 'availability.modes', problems);
  return problems.length === before && days && modes ? { days, modes } : undefined;
}

const CHANGE_FIELDS = new Set(['optIn', 'skipNext', 'availability', 'acrossOrganisation']);

/** A person's change as any surface sends it: absent fields stay, every bad field is named at once. */
export function checkBuddyChange(input: unknown): Checked<BuddyChange> {
  if (!isObject(input)) return { ok: false, problems: [{ field: 'body', code: 'notAnObject' }] };
  const problems: BuddyProblem[] = [];
  for (const key of Object.keys(input)) if (!CHANGE_FIELDS.has(key)) problems.push({ field: key, code: 'unknownField' });
  const flags: Partial<Record<'optIn' | 'skipNext' | 'acrossOrganisation', boolean>> = {};
  for (const field of ['optIn', 'skipNext', 'acrossOrganisation'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (typeof value === 'boolean') flags[field] = value;
    else problems.push({ field, code: 'notBoolean' });
  }
  const availability = input.availability === undefined ? undefined : availabilityOf(input.availability, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { ...flags, ...(availability ? { availability } : {}) } };
}

/** A team's cadence: every 1, 2 or 4 weeks, a weekday, a time `HH:mm`; `null` stops scheduled rounds. */
export function checkCadence(input: unknown): Checked<BuddyCadence | null> {
  if (input === null) return { ok: true, value: null };
  if (!isObject(input)) return { ok: false, problems: [{ field: 'cadence', code: 'notAnObject' }] };
  const problems: BuddyProblem[] = [];
  for (const key of Object.keys(input))
    if (key !== 'everyWeeks' && key !== 'weekday' && key !== 'time') problems.push({ field: `cadence.${key}`, code: 'unknownField' });
  const { everyWeeks, weekday, time } = input;
  if (!(CADENCE_WEEKS as readonly unknown[]).includes(everyWeeks)) problems.push({ field: 'cadence.everyWeeks', code: 'outOfRange' });
  if (!(WEEKDAYS as readonly unknown[]).includes(weekday)) problems.push({ field: 'cadence.weekday', code: 'unknownValue' });
  if (typeof time !== 'string' || !CADENCE_TIME.test(time)) problems.push({ field: 'cadence.time', code: 'badTime' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { everyWeeks: everyWeeks as CadenceWeeks, weekday: weekday as Weekday, time: time as string } };
}

export const isMetAnswer = (value: unknown): value is MetAnswer => (MET_ANSWERS as readonly unknown[]).includes(value);
