import type { Outbox } from '../delivery/outbox';
import type { ProfileChangeFeed } from '../experts/expert-ports';
import type { PersonRef } from '../shared/person';
import type { Repositories } from '../shared/repositories';
import { failWith, ok } from '../shared/result';
import type { InsightsFailure, Result } from '../shared/result';
import { sessionEndsAt } from '../sessions/session';
import { createTeamAccess, mayManage, mayReadTeam } from '../teams/team-access';
import type { Standing } from '../teams/team-access';
import { settingsOf } from '../teams/team-settings';
import type { Team } from '../teams/team';
import type { GoalProgress } from './goals';
import { NUDGE_INTERVAL_DAYS } from './insights';
import type { QuietMember } from './insights';
import { csvRows } from './insights-csv-tables';
import type { CsvWords } from './insights-csv-tables';
import { feedbackOf, participationPoints, totalsOf, trendOf } from './insights-figures';
import { checkInsightsQuery } from './insights-query';
import type { InsightsRange } from './insights-query';
import { CSV_TABLES } from './insights-report';
import type { CsvTable, InsightsReport } from './insights-report';
import type { InsightsMeta } from './insights-repositories';
import type { InsightsJobs, InsightsQuery, InsightsService } from './insights-service-contract';
import { periodsBack, periodsBetween } from './periods';
import { foldSession } from './session-fold';
import { quietMembers, skillsMatrix } from './skills-matrix';
import type { TeamPerson } from './skills-matrix';
import { createTeamPeople } from './team-people';

interface InsightsServiceDeps {
  readonly repositories: Pick<Repositories, 'insights' | 'teams' | 'members' | 'sessions' | 'rsvps' | 'feedback' | 'nudges'>;
  /** The backfill enqueues one `foldInsights` per past session. */
  readonly outbox: Outbox;
  /** The CSV header words in the reader's language. */
  readonly words: CsvWords;
  readonly now: () => Date;
  /** Goals with their progress (goals-pulse's GoalService); none until it is wired. */
  readonly goals?: (actor: PersonRef, teamId: string) => Promise<readonly GoalProgress[]>;
  /**
   * The tenant's profile change feed: with it, a report re-reads only the profiles that changed since
   * the last one (team-people.ts); without it, every member's profile on every report.
   */
  readonly profileChanges?: Pick<ProfileChangeFeed, 'since'>;
}

const fail = failWith<InsightsFailure>('insights');

/** Weeks back the quiet list looks for someone's last session. */
const LAST_TOOK_PART_WEEKS = 52;

/**
 * The report, its CSV tables and the fold job. The nudge (InsightsService.nudge) is learning-me's:
 * it adds the method beside these, with its own nudge table.
 */
export type InsightsCore = Omit<InsightsService, 'nudge'> & InsightsJobs;

export function createInsightsService(deps: InsightsServiceDeps): InsightsCore {
  const { repositories: repos, now } = deps;
  const access = createTeamAccess(repos.teams);
  const teamPeople = deps.profileChanges
    ? createTeamPeople({ teams: repos.teams, members: repos.members, changes: deps.profileChanges })
    : undefined;

  async function admitted(actor: PersonRef, teamId: string): Promise<Result<{ team: Team; standing: Standing }, InsightsFailure>> {
    const [team, standing] = await Promise.all([repos.teams.get(actor.tenantId, teamId), access.standing(actor, teamId)]);
    if (!team) return fail({ kind: 'teamUnknown' });
    if (team.uninstalledAt) return fail({ kind: 'notInstalled' });
    if (!mayReadTeam(standing)) return fail({ kind: 'notMember' });
    return ok({ team, standing });
  }

  /**
   * Once per team (a create decides who): a fold job for every session that already took place.
   * After the team changed its time zone, its weeks and months are filed again on the new clock
   * first. Answers the meta read before it.
   */
  async function backfillOnce(team: Team, at: Date): Promise<InsightsMeta> {
    const { tenantId, teamId } = team;
    const meta = await repos.insights.getMeta(tenantId, teamId);
    const { timeZone } = settingsOf(team);
    if (meta.backfilledAt) {
      if (meta.filedIn !== timeZone) await repos.insights.refile(tenantId, teamId, timeZone);
      return meta;
    }
    if (!(await repos.insights.claimBackfill(tenantId, teamId, at.toISOString(), timeZone))) return meta;
    const past = (await repos.sessions.listForTeam(tenantId, teamId)).filter(
      (s) => s.status === 'scheduled' && sessionEndsAt(s).getTime() <= at.getTime(),
    );
    for (const s of past) await deps.outbox.enqueue({ kind: 'foldInsights', tenantId, teamId, sessionId: s.sessionId });
    return meta;
  }

  async function people(team: Team): Promise<TeamPerson[]> {
    if (teamPeople) return teamPeople.people(team);
    const members = await repos.teams.listMembers(team.tenantId, team.teamId);
    const profiles = new Map(
      (
        await repos.members.getMany(
          team.tenantId,
          members.map((m) => m.userId),
        )
      ).map((p) => [p.userId, p] as const),
    );
    return members.map((m) => {
      const profile = profiles.get(m.userId);
      return { userId: m.userId, displayName: profile?.displayName || m.displayName || '', ...(profile ? { profile } : {}) };
    });
  }

  /** The owners' last nudge of each quiet member, when it is recent enough to hold the next one back. */
  async function withNudges(team: Team, quiet: readonly QuietMember[], at: Date): Promise<QuietMember[]> {
    const since = at.getTime() - NUDGE_INTERVAL_DAYS * 24 * 3600_000;
    if (quiet.length === 0) return [];
    const records = new Map((await repos.nudges.listForTeam(team.tenantId, team.teamId)).map((r) => [r.userId, r] as const));
    return quiet.map((q) => {
      const nudgedAt = records.get(q.userId)?.nudgedAt;
      return nudgedAt && Date.parse(nudgedAt) >= since ? { ...q, nudgedAt } : q;
    });
  }

  async function build(
    actor: PersonRef,
    team: Team,
    standing: Standing,
    range: InsightsRange,
    meta: InsightsMeta,
  ): Promise<InsightsReport> {
    const { tenantId, teamId } = team;
    const settings = settingsOf(team);
    const at = now();
    const tz = settings.timeZone;
    const periods = periodsBetween(range.fromAt, range.toEnd, range.granularity, tz);
    const months = range.granularity === 'month' ? periods : periodsBetween(range.fromAt, range.toEnd, 'month', tz);
    const list = (granularity: 'week' | 'month', from: Date, to: Date) =>
      repos.insights.listPeriods(tenantId, teamId, granularity, from.toISOString(), to.toISOString());
    const owner = mayManage(standing);
    const yearStart = periodsBack(at, LAST_TOOK_PART_WEEKS, 'week', tz).startsAt;
    const quietStart = periodsBack(at, settings.quietWeeks - 1, 'week', tz).startsAt;
    const farAhead = new Date(at.getTime() + 7 * 24 * 3600_000);
    const [rows, monthRows, members, goals, weeks] = await Promise.all([
      list(range.granularity, periods[0]?.startsAt ?? range.fromAt, range.toEnd),
      range.granularity === 'month' ? undefined : list('month', months[0]?.startsAt ?? range.fromAt, range.toEnd),
      people(team),
      deps.goals ? deps.goals(actor, teamId) : Promise.resolve([]),
      owner ? list('week', yearStart, farAhead) : Promise.resolve([]),
    ]);
    const points = participationPoints(periods, rows);
    const quiet = owner
      ? {
          weeks: settings.quietWeeks,
          members: await withNudges(
            team,
            quietMembers(
              members,
              weeks.filter((w) => w.startsAt >= quietStart.toISOString()),
              weeks,
            ),
            at,
          ),
        }
      : undefined;
    return {
      teamId,
      from: range.from,
      to: range.to,
      granularity: range.granularity,
      timeZone: tz,
      participation: { points, trend: trendOf(points, periods, at), totals: totalsOf(rows) },
      feedback: feedbackOf(months, monthRows ?? rows),
      skills: skillsMatrix(members),
      ...(quiet ? { quiet } : {}),
      goals,
      asOf: meta.lastFoldAt ?? at.toISOString(),
    };
  }

  async function reportFor(
    actor: PersonRef,
    teamId: string,
    query: InsightsQuery,
    only?: CsvTable,
  ): Promise<Result<InsightsReport, InsightsFailure>> {
    const found = await admitted(actor, teamId);
    if (!found.ok) return found;
    const { team, standing } = found.value;
    if (only === 'quiet' && !mayManage(standing)) return fail({ kind: 'ownersOnly' });
    const checked = checkInsightsQuery(query, settingsOf(team).timeZone, now());
    if (!checked.ok) return fail({ kind: 'invalid', problems: checked.problems });
    const meta = await backfillOnce(team, now());
    return ok(await build(actor, team, standing, checked.range, meta));
  }

  return {
    report: (actor, teamId, query) => reportFor(actor, teamId, query),

    async csv(actor, teamId, table, query, locale) {
      const known = typeof table === 'string' && (CSV_TABLES as readonly string[]).includes(table) ? (table as CsvTable) : undefined;
      if (!known) {
        const found = await admitted(actor, teamId);
        if (!found.ok) return found;
        return fail({ kind: 'invalid', problems: [{ field: 'table', code: table === undefined ? 'required' : 'unknownValue' }] });
      }
      const report = await reportFor(actor, teamId, query, known);
      if (!report.ok) return report;
      return ok(csvRows(report.value, known, locale, deps.words));
    },

    async foldSession(tenantId, teamId, sessionId) {
      const at = now();
      const [team, session] = await Promise.all([repos.teams.get(tenantId, teamId), repos.sessions.get(tenantId, teamId, sessionId)]);
      const timeZone = settingsOf(team).timeZone;
      // Gone, cancelled, or moved to a later time: it has not been held, so it has no fact.
      if (!session || session.status === 'cancelled' || sessionEndsAt(session).getTime() > at.getTime()) {
        await repos.insights.saveFact(tenantId, teamId, sessionId, undefined, timeZone);
        return;
      }
      const [rsvps, feedback] = await Promise.all([
        repos.rsvps.listForSession(tenantId, sessionId),
        repos.feedback.listForSession(tenantId, sessionId),
      ]);
      await repos.insights.saveFact(tenantId, teamId, sessionId, foldSession(session, rsvps, feedback, at), timeZone);
    },
  };
}
