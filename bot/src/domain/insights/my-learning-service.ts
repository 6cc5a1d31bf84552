import type { BuddyService } from '../buddies/buddy-service-contract';
import { forEachLimited } from '../shared/each-limited';
import { isFormerColleague } from '../shared/person';
import type { PersonRef } from '../shared/person';
import type { Repositories } from '../shared/repositories';
import type { Feedback } from '../sessions/session';
import { settingsOf } from '../teams/team-settings';
import type { GoalProgress } from './goals';
import type { MyGoalView } from './insights-report';
import type { MyApplyView, MyKudosView, MyLearning } from './my-learning';
import type { MyLearningService } from './insights-service-contract';
import { learningStreak } from './learning-streak';
import { myGoal, mySessions, mySkills } from './my-learning-parts';

/** A team's goals with their progress, as the person may read them (GoalService.list); [] when the team has none. */
type TeamGoalsPort = (actor: PersonRef, teamId: string) => Promise<readonly GoalProgress[]>;

interface MyLearningDeps {
  readonly repositories: Pick<
    Repositories,
    'teams' | 'members' | 'sessions' | 'rsvps' | 'kudos' | 'feedback' | 'skillHistory' | 'milestones'
  >;
  readonly buddies: Pick<BuddyService, 'status'>;
  /** Until the goals service is wired: no goals. */
  readonly goals?: TeamGoalsPort;
  readonly now: () => Date;
}

/** Point reads of the person's own feedback in flight at once. */
const FEEDBACK_READS = 8;

/**
 * My learning (issue #14): the caller's own sessions, skills, kudos, goals, streak, buddies and what
 * they said they would apply. Reads their membership and RSVP index rows, one sessions partition and
 * one kudos partition per team, their own skill history and feedback (point reads), and names by
 * getMany: never another person's RSVPs or feedback.
 */
export function createMyLearningService(deps: MyLearningDeps): MyLearningService {
  const { teams, members, sessions, rsvps, kudos, feedback, skillHistory } = deps.repositories;
  const goalsOf: TeamGoalsPort = deps.goals ?? (() => Promise.resolve([]));

  return {
    async learning(actor: PersonRef): Promise<MyLearning> {
      const { tenantId, userId } = actor;
      const now = deps.now();
      const [memberships, answers, profile, points, claims] = await Promise.all([
        teams.listTeamsOf(tenantId, userId),
        rsvps.listForUser(tenantId, userId),
        members.get(tenantId, userId),
        skillHistory.listFor(tenantId, userId),
        deps.repositories.milestones.listForPerson(tenantId, userId),
      ]);
      const memberOf = [...memberships].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt)).map((m) => m.teamId);
      // Sessions of teams they left, or of other teams open to the organisation, still count when they went.
      const teamIds = [...new Set([...memberOf, ...answers.filter((r) => r.response === 'yes').map((r) => r.teamId)])];
      const [teamRows, sessionLists] = await Promise.all([
        Promise.all(teamIds.map((teamId) => teams.get(tenantId, teamId))),
        Promise.all(teamIds.map((teamId) => sessions.listForTeam(tenantId, teamId))),
      ]);
      const teamNames = new Map(teamIds.map((teamId, i) => [teamId, teamRows[i]?.name ?? '']));
      const { taught, attended } = mySessions(userId, sessionLists.flat(), answers, teamNames, now);

      const [kudosReceived, apply, goals, buddies] = await Promise.all([
        kudosOf(actor, memberOf),
        applyOf(actor, attended),
        goalsFor(actor, memberOf, teamNames, [...taught, ...attended], profile),
        buddiesOf(actor, memberOf),
      ]);
      const firstTeam = memberOf[0] !== undefined ? teamRows[teamIds.indexOf(memberOf[0])] : undefined;
      const streak = learningStreak(
        [...taught, ...attended].map((s) => s.startsAt),
        settingsOf(firstTeam).timeZone,
        now,
      );
      const milestones = claims
        .map((c) => ({ teamId: c.teamId, teamName: teamNames.get(c.teamId) ?? '', milestone: c.milestone, reachedAt: c.reachedAt }))
        .sort((a, b) => b.reachedAt.localeCompare(a.reachedAt));
      // Absent until the first one: the answer of someone without any stays as it was before milestones.
      return {
        attended,
        taught,
        skills: mySkills(profile, points),
        kudosReceived,
        goals,
        streak,
        buddies,
        apply,
        ...(milestones.length > 0 ? { milestones } : {}),
      };
    },
  };

  async function kudosOf(actor: PersonRef, teamIds: readonly string[]): Promise<MyKudosView[]> {
    const lists = await Promise.all(teamIds.map((teamId) => kudos.listForTeam(actor.tenantId, teamId)));
    const mine = lists.flat().filter((k) => k.toUserId === actor.userId);
    const givers = [...new Set(mine.map((k) => k.fromUserId).filter((id) => !isFormerColleague(id)))];
    const names = new Map((await members.getMany(actor.tenantId, givers)).map((p) => [p.userId, p.displayName]));
    return mine
      .map((k) => ({
        teamId: k.teamId,
        kudosId: k.kudosId,
        // '' is "a former colleague": an erased giver, or one whose profile is gone.
        fromName: names.get(k.fromUserId) ?? '',
        message: k.message,
        at: k.createdAt,
      }))
      .sort((a, b) => b.at.localeCompare(a.at));
  }

  async function applyOf(actor: PersonRef, attended: MyLearning['attended']): Promise<MyApplyView[]> {
    const found: { session: MyLearning['attended'][number]; answer: Feedback }[] = [];
    await forEachLimited(attended, FEEDBACK_READS, async (session) => {
      const answer = await feedback.get(actor.tenantId, session.sessionId, actor.userId);
      if (answer && answer.willApply.trim() !== '') found.push({ session, answer });
    });
    return found
      .map(({ session, answer }) => ({
        teamId: session.teamId,
        sessionId: session.sessionId,
        title: session.title,
        text: answer.willApply.trim(),
        at: answer.submittedAt,
      }))
      .sort((a, b) => b.at.localeCompare(a.at));
  }

  async function goalsFor(
    actor: PersonRef,
    teamIds: readonly string[],
    teamNames: ReadonlyMap<string, string>,
    mine: MyLearning['attended'],
    profile: Parameters<typeof myGoal>[4],
  ): Promise<MyGoalView[]> {
    const lists = await Promise.all(teamIds.map((teamId) => goalsOf(actor, teamId)));
    return teamIds.flatMap((teamId, i) =>
      (lists[i] ?? []).map((progress) => myGoal(teamId, teamNames.get(teamId) ?? '', progress, mine, profile)),
    );
  }

  async function buddiesOf(actor: PersonRef, teamIds: readonly string[]): Promise<MyLearning['buddies']> {
    const statuses = await Promise.all(teamIds.map((teamId) => deps.buddies.status(actor, teamId)));
    // Every team's status also carries the organisation-wide pair: one entry per pool.
    const byPool = new Map<string, MyLearning['buddies'][number]>();
    for (const status of statuses) {
      if (!status.ok) continue;
      for (const pair of status.value.current) {
        if (new Date(pair.endsAt) <= deps.now()) continue;
        byPool.set(pair.poolId, { poolId: pair.poolId, names: pair.buddies.map((b) => b.displayName), endsAt: pair.endsAt });
      }
    }
    return [...byPool.values()];
  }
}
