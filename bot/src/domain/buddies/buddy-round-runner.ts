import { skillKeyOf } from '../experts/expert-index';
import type { Outbox } from '../delivery/outbox';
import { forEachLimited } from '../shared/each-limited';
import { isFormerColleague, toLocale } from '../shared/person';
import type { MemberRepository, TeamRepository } from '../shared/repositories';
import { DEFAULT_TIME_ZONE } from '../shared/zoned-time';
import { namesOf } from '../teams/person-names';
import { settingsOf } from '../teams/team-settings';
import type { Team } from '../teams/team';
import { AVOID_RECENT_ROUNDS, ORGANISATION_POOL } from './buddy';
import type { BuddyMetAnswer, BuddyPoolId, BuddyRound, MatchRound } from './buddy';
import { poolTurnout } from './buddy-candidates';
import type { BuddyRepositories } from './buddy-repositories';
import type { BuddyScheduling } from './buddy-scheduling';
import { cadenceOf } from './buddy-scheduling';
import type { BuddyIntroduction, BuddyRoundJobs } from './buddy-service-contract';
import { nextSlot, roundLengthMs, roundSeed, roundStart } from './buddy-slots';
import { answerOf } from './buddy-views';

interface RoundRunnerDeps {
  readonly teams: Pick<TeamRepository, 'get' | 'listMembers' | 'listTeamsOf' | 'listForTenant'>;
  readonly members: Pick<MemberRepository, 'getMany'>;
  readonly buddies: BuddyRepositories;
  readonly scheduling: Pick<BuddyScheduling, 'advancePast'>;
  readonly outbox: Outbox;
  readonly match: MatchRound;
  readonly now: () => Date;
}

interface RoundJob {
  readonly tenantId: string;
  readonly poolId: BuddyPoolId;
  readonly roundId: string;
}

const WRITES_IN_FLIGHT = 8;

/** The round jobs (DESIGN F8): compute a round once, then what its introductions and check-ins say. */
export function createBuddyRoundJobs(deps: RoundRunnerDeps): BuddyRoundJobs {
  const { buddies, now } = deps;

  /** The team of a team pool (undefined when gone or uninstalled: no round); `null` for the tenant pool. */
  async function teamOf(tenantId: string, poolId: BuddyPoolId): Promise<Team | null | undefined> {
    if (poolId === ORGANISATION_POOL) return null;
    const team = await deps.teams.get(tenantId, poolId);
    return team && !team.uninstalledAt ? team : undefined;
  }

  /** Computes and inserts the round; a second computation (a retry, another instance) loses the insert and reads the stored one. */
  async function compute(job: RoundJob, team: Team | null): Promise<{ readonly round: BuddyRound; readonly created: boolean }> {
    const { tenantId, poolId, roundId } = job;
    const at = now();
    const start = roundStart(roundId) ?? at;
    const trigger = roundId.startsWith('sched-') ? 'schedule' : 'owner';
    const cadence = cadenceOf(poolId, await buddies.schedules.get(tenantId, poolId));
    const zone = team ? settingsOf(team).timeZone : DEFAULT_TIME_ZONE;
    const ends =
      trigger === 'schedule' && cadence ? nextSlot(cadence, zone, start, start) : new Date(start.getTime() + roundLengthMs(cadence));
    const [turnout, recent] = await Promise.all([
      poolTurnout({ teams: deps.teams, members: deps.members, preferences: buddies.preferences }, tenantId, poolId),
      buddies.rounds.listRecent(tenantId, poolId, AVOID_RECENT_ROUNDS),
    ]);
    const seed = roundSeed(tenantId, poolId, roundId);
    const result = deps.match({
      candidates: turnout.candidates,
      recentGroups: recent.filter((r) => r.roundId !== roundId).flatMap((r) => r.pairs.map((p) => p.members)),
      seed,
      preferOtherTeams: poolId === ORGANISATION_POOL,
    });
    return buddies.rounds.create({
      tenantId,
      poolId,
      roundId,
      trigger,
      startedAt: start.toISOString(),
      checkInAt: new Date((start.getTime() + ends.getTime()) / 2).toISOString(),
      endsAt: ends.toISOString(),
      pairs: result.pairs,
      leftOver: result.leftOver,
      skipped: turnout.skipped,
      seed,
    });
  }

  /** Who skipped this round has it behind them: their skipNext goes, unless they set it again since. */
  async function clearSkips(round: BuddyRound, setBefore: string): Promise<void> {
    await forEachLimited(round.skipped, WRITES_IN_FLIGHT, async (userId) => {
      await buddies.preferences.update(round.tenantId, round.poolId, userId, (current) =>
        current?.skipNext && current.updatedAt <= setBefore ? { ...current, skipNext: false, updatedAt: now().toISOString() } : undefined,
      );
    });
  }

  /** One introduction per person paired (an erased person gets none), in their own language. */
  async function introductions(
    round: BuddyRound,
    team: Team | null,
    answers: readonly BuddyMetAnswer[],
    only?: (userId: string) => boolean,
  ) {
    const people = round.pairs.flatMap((p) => p.members).filter((m) => !isFormerColleague(m));
    const [profiles, names] = await Promise.all([
      deps.members.getMany(round.tenantId, people),
      namesOf(deps, round.tenantId, people, team?.teamId),
    ]);
    const locales = new Map(profiles.map((p) => [p.userId, p.locale]));
    const emails = new Map(profiles.flatMap((p) => (p.email ? [[p.userId, p.email] as const] : [])));
    // The reason speaks in skill keys; the people's own spelling names them in the cards.
    const skillNames: Record<string, string> = {};
    // A teacher's spelling first: the one who teaches a skill names it.
    for (const name of [...profiles.flatMap((p) => p.teaches.map((s) => s.name)), ...profiles.flatMap((p) => p.wants)]) {
      const key = skillKeyOf(name);
      if (key !== '' && !Object.hasOwn(skillNames, key)) skillNames[key] = name;
    }
    const zone = team ? settingsOf(team).timeZone : DEFAULT_TIME_ZONE;
    const intros: BuddyIntroduction[] = [];
    for (const pair of round.pairs) {
      for (const userId of pair.members) {
        if (isFormerColleague(userId) || (only && !only(userId))) continue;
        const myAnswer = answerOf(answers, userId);
        intros.push({
          tenantId: round.tenantId,
          poolId: round.poolId,
          roundId: round.roundId,
          userId,
          locale: toLocale(locales.get(userId) ?? team?.locale),
          ...(team ? { teamName: team.name } : {}),
          timeZone: zone,
          buddies: pair.members
            .filter((m) => m !== userId)
            .map((m) => {
              const email = emails.get(m);
              return { userId: m, displayName: names.get(m)?.displayName ?? '', ...(email ? { email } : {}) };
            }),
          reason: pair.reason,
          ...(pair.firstTopic ? { firstTopic: pair.firstTopic } : {}),
          skillNames: Object.fromEntries(
            pair.reason.teaches.flatMap((m) => (Object.hasOwn(skillNames, m.skill) ? [[m.skill, skillNames[m.skill] ?? m.skill]] : [])),
          ),
          endsAt: round.endsAt,
          ...(myAnswer ? { myAnswer } : {}),
        });
      }
    }
    return intros;
  }

  return {
    async runRound(job) {
      const team = await teamOf(job.tenantId, job.poolId);
      if (team === undefined) return [];
      const startedRun = now().toISOString();
      const stored = await buddies.rounds.get(job.tenantId, job.poolId, job.roundId);
      const { round, created } = stored ? { round: stored, created: false } : await compute(job, team);
      // Every step below is idempotent, so a retried job (or a second instance) repeats them harmlessly.
      await clearSkips(round, created ? startedRun : round.startedAt);
      await deps.outbox.enqueue(
        { kind: 'askBuddiesMet', tenantId: round.tenantId, teamId: round.poolId, roundId: round.roundId },
        { notBefore: new Date(round.checkInAt) },
      );
      if (round.trigger === 'schedule') await deps.scheduling.advancePast(round.tenantId, round.poolId, round.startedAt);
      return introductions(round, team, []);
    },

    async checkIns(job) {
      const team = await teamOf(job.tenantId, job.poolId);
      const round = team === undefined ? undefined : await buddies.rounds.get(job.tenantId, job.poolId, job.roundId);
      if (!round || team === undefined) return [];
      const answers = await buddies.answers.listForRound(job.tenantId, job.poolId, job.roundId);
      // Who said "yes" or "we won't" is not asked again.
      return introductions(round, team, answers, (userId) => {
        const answer = answerOf(answers, userId);
        return answer !== 'yes' && answer !== 'wont';
      });
    },
  };
}
