import { SEEDED_TAXONOMY } from '../experts/skill-taxonomy';
import type { MemberProfile } from '../experts/member';
import type { QuietMember, SkillCell, SkillGap, SkillsMatrix } from './insights';
import type { PeriodRollup } from './insights-repositories';

/** A member as the matrix and the quiet list name them: their profile's name, else the roster's. */
export interface TeamPerson {
  readonly userId: string;
  readonly displayName: string;
  readonly profile?: MemberProfile;
}

/**
 * People × skills from the members' profiles: the teach level (1–3) and whether they want to learn
 * it, skills normalised like expert search. Gaps: skills someone wants that nobody teaches, or one person.
 */
export function skillsMatrix(people: readonly TeamPerson[]): SkillsMatrix {
  const names = new Map<string, string>();
  const teach = new Map<string, Map<string, 1 | 2 | 3>>();
  const wants = new Map<string, Set<string>>();
  const keyOf = (raw: string): string | undefined => {
    const skill = SEEDED_TAXONOMY.normalise(raw);
    if (!skill) return undefined;
    if (!names.has(skill.key)) names.set(skill.key, skill.name);
    return skill.key;
  };
  for (const person of people) {
    const levels = new Map<string, 1 | 2 | 3>();
    for (const t of person.profile?.teaches ?? []) {
      const key = keyOf(t.name);
      if (key) levels.set(key, Math.max(levels.get(key) ?? 0, t.level) as 1 | 2 | 3);
    }
    teach.set(person.userId, levels);
    wants.set(person.userId, new Set((person.profile?.wants ?? []).flatMap((w) => keyOf(w) ?? [])));
  }
  const keys = [...names.keys()].sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b, 'en'));
  const sorted = [...people].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en') || a.userId.localeCompare(b.userId));
  const cells = sorted.map((p) =>
    keys.map((key): SkillCell => ({ teachLevel: teach.get(p.userId)?.get(key) ?? 0, wants: wants.get(p.userId)?.has(key) ?? false })),
  );
  const gaps = keys.flatMap((key, s): SkillGap[] => {
    const wantedBy = cells.filter((row) => row[s]?.wants).length;
    const teachers = cells.filter((row) => (row[s]?.teachLevel ?? 0) > 0).length;
    return wantedBy > 0 && teachers <= 1 ? [{ skill: names.get(key) ?? key, wantedBy, teachers: teachers as 0 | 1 }] : [];
  });
  return {
    skills: keys.map((key) => names.get(key) ?? key),
    people: sorted.map((p) => ({ userId: p.userId, displayName: p.displayName })),
    cells,
    gaps,
  };
}

/**
 * Members in none of the week sets of the last `weeks` weeks (`recent`), with the start of the
 * latest week they appear in within the year (`year`), newest quiet first by that.
 */
export function quietMembers(people: readonly TeamPerson[], recent: readonly PeriodRollup[], year: readonly PeriodRollup[]): QuietMember[] {
  const active = new Set<string>();
  for (const row of recent) for (const id of [...row.learnerIds, ...row.teacherIds]) active.add(id);
  const lastSeen = new Map<string, string>();
  for (const row of year) {
    for (const id of [...row.learnerIds, ...row.teacherIds]) {
      const seen = lastSeen.get(id);
      if (!seen || row.startsAt > seen) lastSeen.set(id, row.startsAt);
    }
  }
  return people
    .filter((p) => !active.has(p.userId))
    .map((p): QuietMember => {
      const last = lastSeen.get(p.userId);
      return { userId: p.userId, displayName: p.displayName, ...(last ? { lastTookPartAt: last } : {}) };
    })
    .sort((a, b) => (b.lastTookPartAt ?? '').localeCompare(a.lastTookPartAt ?? '') || a.displayName.localeCompare(b.displayName, 'en'));
}
