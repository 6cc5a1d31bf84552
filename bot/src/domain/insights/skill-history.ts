import type { SkillLevel, TeachSkill } from '../experts/member';

/**
 * One change of a skill on a person's profile (My learning's "levels over time"). Level 0 marks a
 * skill taken off the profile, so a skill added again later starts a new history.
 */
export interface SkillHistoryPoint {
  readonly tenantId: string;
  readonly userId: string;
  readonly skill: string;
  readonly level: SkillLevel | 0;
  readonly at: string;
}

/** The person's skill history, written by the profile service and read by My learning only. */
export interface SkillHistoryRepository {
  add(points: readonly SkillHistoryPoint[]): Promise<void>;
  /** Every point of the person, oldest first (one partition). */
  listFor(tenantId: string, userId: string): Promise<SkillHistoryPoint[]>;
}

const keyOf = (name: string): string => name.trim().toLowerCase();

interface SkillChange {
  readonly skill: string;
  readonly level: SkillLevel | 0;
  /** The level before the change, when the skill was on the profile already. */
  readonly previous?: SkillLevel;
}

/** What changed between two lists of teach skills: added or re-levelled skills at their new level, removed ones at 0. */
export function skillChanges(before: readonly TeachSkill[], after: readonly TeachSkill[]): readonly SkillChange[] {
  const old = new Map(before.map((s) => [keyOf(s.name), s]));
  const now = new Map(after.map((s) => [keyOf(s.name), s]));
  const changes: SkillChange[] = [];
  for (const [key, skill] of now) {
    const previous = old.get(key)?.level;
    if (previous !== skill.level) changes.push({ skill: skill.name, level: skill.level, ...(previous ? { previous } : {}) });
  }
  for (const [key, skill] of old) if (!now.has(key)) changes.push({ skill: skill.name, level: 0, previous: skill.level });
  return changes;
}

/**
 * The rows to write for `changes` at `at`. A skill that was on the profile before the history began
 * (none of `known` names it) first gets its old level at `baselineAt` (the profile's last update:
 * the latest moment we know it had that level), so its line starts where it stood.
 */
export function historyRows(
  person: { readonly tenantId: string; readonly userId: string },
  changes: readonly SkillChange[],
  known: readonly SkillHistoryPoint[],
  at: string,
  baselineAt: string,
): SkillHistoryPoint[] {
  const named = new Set(known.map((p) => keyOf(p.skill)));
  return changes.flatMap((c) => {
    const row = { ...person, skill: c.skill, level: c.level, at };
    if (c.previous === undefined || named.has(keyOf(c.skill)) || baselineAt >= at) return [row];
    return [{ ...person, skill: c.skill, level: c.previous, at: baselineAt }, row];
  });
}

/** The points of one current skill since it was last added (a removal ends the earlier history). */
export function historyOfSkill(points: readonly SkillHistoryPoint[], name: string): SkillHistoryPoint[] {
  const mine = points.filter((p) => keyOf(p.skill) === keyOf(name)).sort((a, b) => a.at.localeCompare(b.at));
  const lastRemoval = mine.map((p) => p.level).lastIndexOf(0);
  return mine.slice(lastRemoval + 1);
}
