import type { Rsvp, RsvpCounts, RsvpResponse } from '../sessions/session';

/** What an answer does to a session's counts, given its capacity and the person's earlier answer. */
interface RsvpPlan {
  readonly counts: Required<RsvpCounts>;
  /** The new answer is a "yes" beyond the capacity: the person joins the waitlist. */
  readonly waitlisted: boolean;
  /** A confirmed place came free and someone waits: the first on the waitlist gets it. */
  readonly promoteFirst: boolean;
  /** The answer changes nothing (e.g. "yes" again while already going or waiting). */
  readonly unchanged: boolean;
}

export function fullCounts(counts: RsvpCounts): Required<RsvpCounts> {
  return { yes: counts.yes, maybe: counts.maybe, no: counts.no, waitlisted: counts.waitlisted ?? 0 };
}

/**
 * Capacity rules, pure so the table repository and the tests share them:
 * - a "yes" beyond the capacity waits in line (counted in `waitlisted`, not in `yes`);
 * - when a confirmed "yes" changes their answer, the first in line is promoted;
 * - a repeated answer keeps the person's place in line.
 */
export function planRsvp(
  current: RsvpCounts,
  capacity: number | null,
  previous: Pick<Rsvp, 'response' | 'waitlisted'> | undefined,
  next: RsvpResponse,
): RsvpPlan {
  const counts: { -readonly [K in keyof RsvpCounts]-?: number } = fullCounts(current);
  if (previous && previous.response === next) {
    return { counts, waitlisted: next === 'yes' && previous.waitlisted === true, promoteFirst: false, unchanged: true };
  }
  const wasConfirmed = previous?.response === 'yes' && !previous.waitlisted;
  if (previous) {
    if (previous.response === 'yes' && previous.waitlisted) counts.waitlisted = Math.max(0, counts.waitlisted - 1);
    else counts[previous.response] = Math.max(0, counts[previous.response] - 1);
  }
  let waitlisted = false;
  if (next === 'yes' && capacity !== null && counts.yes >= capacity) {
    counts.waitlisted += 1;
    waitlisted = true;
  } else {
    counts[next] += 1;
  }
  const promoteFirst = wasConfirmed && counts.waitlisted > 0 && (capacity === null || counts.yes < capacity);
  if (promoteFirst) {
    counts.waitlisted -= 1;
    counts.yes += 1;
  }
  return { counts, waitlisted, promoteFirst, unchanged: false };
}

/** First come, first served: the earliest "yes" in line, ties by user id so every instance agrees. */
export function firstInLine(rsvps: readonly Rsvp[], except: string): Rsvp | undefined {
  return rsvps
    .filter((r) => r.response === 'yes' && r.waitlisted && r.userId !== except)
    .sort((a, b) => a.respondedAt.localeCompare(b.respondedAt) || a.userId.localeCompare(b.userId))[0];
}

/** Who gets the places a larger capacity frees: the first `free` in line, in `firstInLine` order. */
export function nextInLine(rsvps: readonly Rsvp[], free: number): Rsvp[] {
  if (free <= 0) return [];
  return rsvps
    .filter((r) => r.response === 'yes' && r.waitlisted)
    .sort((a, b) => a.respondedAt.localeCompare(b.respondedAt) || a.userId.localeCompare(b.userId))
    .slice(0, free);
}

/** Places free under a capacity (null: no limit, so everyone waiting fits). */
export function freePlaces(counts: RsvpCounts, capacity: number | null): number {
  const full = fullCounts(counts);
  return capacity === null ? full.waitlisted : Math.min(full.waitlisted, Math.max(0, capacity - full.yes));
}

/** A waiting person's place in line (1 = next to get a place), in `firstInLine` order; undefined when they are not waiting. */
export function waitlistPosition(rsvps: readonly Rsvp[], userId: string): number | undefined {
  const line = nextInLine(rsvps, Number.MAX_SAFE_INTEGER);
  const index = line.findIndex((r) => r.userId === userId);
  return index < 0 ? undefined : index + 1;
}
