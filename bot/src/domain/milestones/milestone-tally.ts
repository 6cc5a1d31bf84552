import type { Reached } from './milestone-count';
import { MILESTONES } from './milestones';
import type { CountedEvent, MilestoneKind, MilestoneTally, TallyOwner } from './milestones';

/** Beyond the highest milestone of a kind nothing is celebrated: the tally stops there. */
export const TALLY_CAP: Readonly<Record<MilestoneKind, number>> = {
  taught: Math.max(...MILESTONES.filter((m) => m.kind === 'taught').map((m) => m.count)),
  attended: Math.max(...MILESTONES.filter((m) => m.kind === 'attended').map((m) => m.count)),
  kudosReceived: Math.max(...MILESTONES.filter((m) => m.kind === 'kudosReceived').map((m) => m.count)),
};

const oldestFirst = (a: CountedEvent, b: CountedEvent) => a.at.localeCompare(b.at) || a.sourceId.localeCompare(b.sourceId);

/** The tally a person's history in the team makes, counted the first time the check meets them there. */
export function tallyFromHistory(owner: TallyOwner, history: readonly CountedEvent[]): MilestoneTally {
  return { ...owner, events: [...history].sort(oldestFirst).slice(0, TALLY_CAP[owner.kind]) };
}

/** The tally with the event counted; undefined when it already is, or when the tally is full (no change to write). */
export function withEvent(tally: MilestoneTally, event: CountedEvent): MilestoneTally | undefined {
  if (tally.events.length >= TALLY_CAP[tally.kind] || tally.events.some((e) => e.sourceId === event.sourceId)) return undefined;
  return { ...tally, events: [...tally.events, event] };
}

/** The milestones the event reached: those whose count is its place in the tally. */
export function reachedBy(tally: MilestoneTally, sourceId: string): Reached[] {
  const place = tally.events.findIndex((e) => e.sourceId === sourceId) + 1;
  const event = tally.events[place - 1];
  if (!event) return [];
  return MILESTONES.filter((m) => m.kind === tally.kind && m.count === place).map((milestone) => ({ milestone, event }));
}

/** Every milestone the tally reached: after it was first counted from the history, some may never have been claimed. */
export function reachedIn(tally: MilestoneTally): Reached[] {
  return MILESTONES.filter((m) => m.kind === tally.kind && m.count <= tally.events.length).flatMap((milestone) => {
    const event = tally.events[milestone.count - 1];
    return event ? [{ milestone, event }] : [];
  });
}
