import type { Repositories } from '../shared/repositories';
import { ok } from '../shared/result';
import type { Team } from '../teams/team';
import { mayManage } from '../teams/team-access';
import { settingsOf } from '../teams/team-settings';
import { goalProgress, goalRollupRange } from './goal-progress';
import type { GoalPulseRepositories } from './goal-pulse-repositories';
import { checkGoals } from './goal-validation';
import type { GoalProgress, TeamGoal } from './goals';
import type { InsightsRepository } from './insights-repositories';
import type { GoalService } from './insights-service-contract';
import { createInsightsPlace, failInsights } from './insights-place';

interface GoalServiceDeps {
  readonly repositories: Pick<Repositories, 'teams' | 'members'> & Pick<GoalPulseRepositories, 'goals'>;
  /** The month rollups that progress is computed from (insights-core's InsightsRepository). */
  readonly periods: Pick<InsightsRepository, 'listPeriods'>;
  readonly now: () => Date;
  readonly newId?: () => string;
}

/** The progress of a team's goals, for the goals API and the insights report (its `goals` port). */
export type GoalProgressReader = (team: Team) => Promise<GoalProgress[]>;

/** Team goals (DESIGN F10): members read them with their progress, owners replace the list. */
export function createGoalService(deps: GoalServiceDeps): GoalService & { readonly progressOf: GoalProgressReader } {
  const { teams, members, goals } = deps.repositories;
  const { now } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID().replace(/-/g, '').slice(0, 12));
  const place = createInsightsPlace(teams);

  async function withProgress(team: Team, list: readonly TeamGoal[]): Promise<GoalProgress[]> {
    if (list.length === 0) return [];
    const at = now();
    const { timeZone } = settingsOf(team);
    const range = goalRollupRange(at, timeZone);
    const needsPeriods = list.some((g) => g.kind !== 'skillCoverage');
    const [rollups, memberships] = await Promise.all([
      needsPeriods ? deps.periods.listPeriods(team.tenantId, team.teamId, 'month', range.from, range.to) : Promise.resolve([]),
      teams.listMembers(team.tenantId, team.teamId),
    ]);
    const memberIds = memberships.map((m) => m.userId);
    const profiles = list.some((g) => g.kind === 'skillCoverage') ? await members.getMany(team.tenantId, memberIds) : [];
    return goalProgress(list, { rollups, memberIds, profiles, now: at, timeZone });
  }

  const progressOf: GoalProgressReader = async (team) => withProgress(team, await goals.list(team.tenantId, team.teamId));

  return {
    progressOf,

    async list(actor, teamId) {
      const found = await place(actor, teamId);
      if (!found.ok) return found;
      return ok({ goals: await progressOf(found.value.team), canEdit: mayManage(found.value.standing) });
    },

    async replace(actor, teamId, body) {
      const found = await place(actor, teamId);
      if (!found.ok) return found;
      const { team, standing } = found.value;
      if (!mayManage(standing)) return failInsights({ kind: 'ownersOnly' });
      const checked = checkGoals(body, now(), settingsOf(team).timeZone);
      if (!checked.ok) return failInsights({ kind: 'invalid', problems: checked.problems });
      const known = new Set((await goals.list(team.tenantId, teamId)).map((g) => g.goalId));
      // A goal keeps the id it came with when the team has it (the tab's edit of a goal); any other gets a new one.
      const used = new Set<string>();
      const next = checked.goals.map((input): TeamGoal => {
        const goalId = input.goalId && known.has(input.goalId) && !used.has(input.goalId) ? input.goalId : newId();
        used.add(goalId);
        return { ...input, goalId };
      });
      await goals.replace(team.tenantId, teamId, next, now().toISOString());
      return ok({ goals: await withProgress(team, next), canEdit: true as const });
    },
  };
}
