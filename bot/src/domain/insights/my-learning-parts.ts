import type { MemberProfile } from '../experts/member';
import type { LearningSession, Rsvp } from '../sessions/session';
import type { GoalProgress } from './goals';
import type { MyGoalView } from './insights-report';
import { MY_LEARNING_MAX_SESSIONS } from './my-learning';
import type { MySessionView, MySkillView } from './my-learning';
import { historyOfSkill } from './skill-history';
import type { SkillHistoryPoint } from './skill-history';

/** Pure parts of My learning: which sessions count, skills with their history, what goals the person helped. */

const newestFirst = (a: MySessionView, b: MySessionView) => b.startsAt.localeCompare(a.startsAt);

/**
 * Taught: host or teacher of a session that started and was not cancelled. Attended: a confirmed yes
 * (not waitlisted) to such a session they did not teach, so one session counts once.
 */
export function mySessions(
  userId: string,
  sessions: readonly LearningSession[],
  rsvps: readonly Rsvp[],
  teamNames: ReadonlyMap<string, string>,
  now: Date,
): { readonly taught: MySessionView[]; readonly attended: MySessionView[] } {
  const started = sessions.filter((s) => s.status !== 'cancelled' && Date.parse(s.startsAt) <= now.getTime());
  const view = (s: LearningSession, role: MySessionView['role']): MySessionView => ({
    teamId: s.teamId,
    teamName: teamNames.get(s.teamId) ?? '',
    sessionId: s.sessionId,
    title: s.title,
    startsAt: s.startsAt,
    skills: s.skills,
    role,
  });
  const taughtIds = new Set(started.filter((s) => s.hostId === userId || s.teacherIds.includes(userId)).map((s) => s.sessionId));
  const going = new Set(rsvps.filter((r) => r.userId === userId && r.response === 'yes' && !r.waitlisted).map((r) => r.sessionId));
  const taught = started.filter((s) => taughtIds.has(s.sessionId)).map((s) => view(s, 'taught'));
  const attended = started.filter((s) => going.has(s.sessionId) && !taughtIds.has(s.sessionId)).map((s) => view(s, 'attended'));
  return {
    taught: taught.sort(newestFirst).slice(0, MY_LEARNING_MAX_SESSIONS),
    attended: attended.sort(newestFirst).slice(0, MY_LEARNING_MAX_SESSIONS),
  };
}

/**
 * The profile's teach skills with their levels over time. A skill without history (the profile is
 * older than the history) has one point: its level since the first we know of it, which is the
 * person's first recorded change or, without any, the profile's last update.
 */
export function mySkills(profile: MemberProfile | undefined, points: readonly SkillHistoryPoint[]): MySkillView[] {
  if (!profile) return [];
  const firstKnown = [profile.updatedAt || profile.createdAt, ...points.map((p) => p.at)].sort()[0] ?? profile.createdAt;
  return profile.teaches.map((skill) => {
    const history = historyOfSkill(points, skill.name).flatMap((p) => (p.level === 0 ? [] : [{ level: p.level, at: p.at }]));
    if (history.length === 0)
      return { name: skill.name, level: skill.level, history: [{ level: skill.level, at: firstKnown }], since: firstKnown };
    return { name: skill.name, level: skill.level, history, since: (history[0] as { at: string }).at };
  });
}

/** A team goal with what the person did towards it in its period (skill coverage: whether they teach the skill). */
export function myGoal(
  teamId: string,
  teamName: string,
  progress: GoalProgress,
  mine: readonly MySessionView[],
  profile: MemberProfile | undefined,
): MyGoalView {
  const { goal } = progress;
  if (goal.kind === 'skillCoverage') {
    const teaches = (profile?.teaches ?? []).some((s) => s.name.toLowerCase() === goal.skill.toLowerCase());
    return { teamId, teamName, progress, mine: teaches ? 1 : 0 };
  }
  const from = Date.parse(progress.from);
  const to = Date.parse(progress.to);
  const count = mine.filter((s) => s.teamId === teamId && Date.parse(s.startsAt) >= from && Date.parse(s.startsAt) < to).length;
  return { teamId, teamName, progress, mine: count };
}
