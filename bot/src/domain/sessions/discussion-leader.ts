import type { LearningSession } from './session';

export interface Candidate {
  readonly userId: string;
  readonly displayName: string;
}

/**
 * Fair rotation (the article: rotate roles so the quiet ones take part too): the team member who
 * has gone longest without any role — host, teacher or discussion leader — in the team's sessions.
 * Never the session's host; cancelled sessions do not count; ties by name, then id, so every
 * surface suggests the same person.
 */
export function suggestDiscussionLeader(
  members: readonly Candidate[],
  sessions: readonly LearningSession[],
  hostId: string,
  exclude: readonly string[] = [],
): Candidate | undefined {
  const lastRole = new Map<string, number>();
  for (const s of sessions) {
    if (s.status === 'cancelled') continue;
    const at = Date.parse(s.startsAt);
    for (const id of [s.hostId, ...s.teacherIds, ...(s.discussionLeaderId ? [s.discussionLeaderId] : [])]) {
      lastRole.set(id, Math.max(lastRole.get(id) ?? Number.NEGATIVE_INFINITY, at));
    }
  }
  const never = Number.NEGATIVE_INFINITY;
  return members
    .filter((m) => m.userId !== hostId && !exclude.includes(m.userId))
    .map((m) => ({ m, last: lastRole.get(m.userId) ?? never }))
    .sort(
      (a, b) =>
        (a.last === b.last ? 0 : a.last < b.last ? -1 : 1) ||
        a.m.displayName.localeCompare(b.m.displayName, 'nl', { sensitivity: 'base' }) ||
        a.m.userId.localeCompare(b.m.userId),
    )[0]?.m;
}
