import type { Outbox } from '../delivery/outbox';
import type { PersonRef } from '../shared/person';
import type { Repositories } from '../shared/repositories';
import { failWith, ok } from '../shared/result';
import type { BuddyFailure, Result } from '../shared/result';
import { namesOf } from '../teams/person-names';
import type { Team } from '../teams/team';
import { createTeamAccess, mayManage } from '../teams/team-access';
import type { Standing } from '../teams/team-access';
import { settingsOf } from '../teams/team-settings';
import { ANY_TIME, ORGANISATION_POOL } from './buddy';
import type { BuddyPoolId, BuddyPreference, BuddyRound, MatchRound } from './buddy';
import { createBuddyRoundJobs } from './buddy-round-runner';
import { createBuddyScheduling } from './buddy-scheduling';
import type { BuddyCadenceStatus, BuddyChange, BuddyRoundJobs, BuddyService, BuddyStatus, MyBuddy } from './buddy-service-contract';
import { ownerRoundId } from './buddy-slots';
import { checkBuddyChange, checkCadence, isMetAnswer } from './buddy-validation';
import { memberRoundView, myBuddyIn, ownerRoundView, pairOf, peopleOf } from './buddy-views';

interface BuddyServiceDeps {
  readonly repositories: Pick<Repositories, 'teams' | 'members' | 'buddies'>;
  readonly outbox: Outbox;
  /** The matching (domain/buddies/matching.ts), injected so tests can pin it. */
  readonly match: MatchRound;
  readonly now: () => Date;
  readonly newId?: () => string;
}

/** Two owners' starts within this window make one round: the second gets the first one's id. */
const START_WINDOW_MS = 10 * 60_000;
/** Rounds the owners' view counts in its history. */
const HISTORY_ROUNDS = 6;

const fail = failWith<BuddyFailure>('buddy');
type Outcome<T> = Result<T, BuddyFailure>;

export type BuddyServices = BuddyService & BuddyRoundJobs & { readonly enqueueDueRounds: () => Promise<number> };

/** Learning buddies (DESIGN F8): what the API, the bot and the round jobs call; every rule of who may do what is here. */
export function createBuddyService(deps: BuddyServiceDeps): BuddyServices {
  const { teams, members, buddies } = deps.repositories;
  const { now, outbox } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID().replace(/-/g, '').slice(0, 12));
  const access = createTeamAccess(teams);
  const scheduling = createBuddyScheduling({ teams, schedules: buddies.schedules, outbox, now });
  const jobs = createBuddyRoundJobs({ teams, members, buddies, scheduling, outbox, match: deps.match, now });

  /** The team, installed, and where the actor stands in it (members and owners only). */
  async function place(actor: PersonRef, teamId: string): Promise<Outcome<{ team: Team; standing: Standing }>> {
    const team = await teams.get(actor.tenantId, teamId);
    if (!team) return fail({ kind: 'teamUnknown' });
    if (team.uninstalledAt) return fail({ kind: 'notInstalled' });
    const standing = await access.standing(actor, teamId);
    if (standing === 'outsider') return fail({ kind: 'notMember' });
    return ok({ team, standing });
  }

  const latestOf = async (tenantId: string, poolId: BuddyPoolId): Promise<BuddyRound | undefined> =>
    (await buddies.rounds.listRecent(tenantId, poolId, 1))[0];

  async function myPairs(actor: PersonRef, teamId: string): Promise<MyBuddy[]> {
    const rounds = (await Promise.all([latestOf(actor.tenantId, teamId), latestOf(actor.tenantId, ORGANISATION_POOL)])).filter(
      (r): r is BuddyRound => r !== undefined && pairOf(r, actor.userId) !== undefined,
    );
    const others = rounds.flatMap((r) => pairOf(r, actor.userId)?.members ?? []);
    const names = await namesOf({ members, teams }, actor.tenantId, others, teamId);
    const found = await Promise.all(
      rounds.map(async (r) => {
        const mine = (await buddies.answers.listForRound(r.tenantId, r.poolId, r.roundId)).filter((a) => a.userId === actor.userId);
        return myBuddyIn(r, actor.userId, names, mine);
      }),
    );
    return found.filter((m): m is MyBuddy => m !== undefined);
  }

  async function statusOf(actor: PersonRef, teamId: string): Promise<BuddyStatus> {
    const [mine, across, schedule, current] = await Promise.all([
      buddies.preferences.get(actor.tenantId, teamId, actor.userId),
      buddies.preferences.get(actor.tenantId, ORGANISATION_POOL, actor.userId),
      buddies.schedules.get(actor.tenantId, teamId),
      myPairs(actor, teamId),
    ]);
    return {
      teamId,
      optIn: mine?.optIn ?? false,
      skipNext: mine?.skipNext ?? false,
      availability: mine?.availability ?? across?.availability ?? ANY_TIME,
      acrossOrganisation: across?.optIn ?? false,
      ...(schedule?.cadence ? { cadence: schedule.cadence } : {}),
      ...(schedule?.cadence && schedule.nextDueAt ? { nextRoundAt: schedule.nextDueAt } : {}),
      current,
    };
  }

  /** One pool's row after the change; `create` says whether a missing row is made. */
  function changePreference(
    actor: PersonRef,
    poolId: BuddyPoolId,
    change: BuddyChange,
    optIn: boolean | undefined,
    create: boolean,
    like?: BuddyPreference,
  ) {
    return buddies.preferences.update(actor.tenantId, poolId, actor.userId, (current): BuddyPreference | undefined => {
      if (!current && !create) return undefined;
      return {
        tenantId: actor.tenantId,
        poolId,
        userId: actor.userId,
        optIn: optIn ?? current?.optIn ?? false,
        skipNext: change.skipNext ?? current?.skipNext ?? false,
        availability: change.availability ?? current?.availability ?? like?.availability ?? ANY_TIME,
        updatedAt: now().toISOString(),
      };
    });
  }

  function cadenceStatus(team: Team, standing: Standing, schedule: Awaited<ReturnType<typeof buddies.schedules.get>>): BuddyCadenceStatus {
    return {
      cadence: schedule?.cadence ?? null,
      ...(schedule?.cadence && schedule.nextDueAt ? { nextRoundAt: schedule.nextDueAt } : {}),
      timeZone: settingsOf(team).timeZone,
      canEdit: mayManage(standing),
    };
  }

  return {
    ...jobs,
    enqueueDueRounds: () => scheduling.enqueueDue(),

    async status(actor, teamId) {
      const placed = await place(actor, teamId);
      if (!placed.ok) return placed;
      return ok(await statusOf(actor, teamId));
    },

    async update(actor, teamId, change) {
      const placed = await place(actor, teamId);
      if (!placed.ok) return placed;
      const checked = checkBuddyChange(change);
      if (!checked.ok) return fail({ kind: 'invalid', problems: checked.problems });
      const c = checked.value;
      const inTeam =
        c.optIn !== undefined || c.skipNext !== undefined || c.availability !== undefined
          ? await changePreference(actor, teamId, c, c.optIn, true)
          : await buddies.preferences.get(actor.tenantId, teamId, actor.userId);
      // The tenant pool's row follows the person's availability and pause; it is made only by opting in to it (with the team's availability).
      await changePreference(actor, ORGANISATION_POOL, c, c.acrossOrganisation, c.acrossOrganisation === true, inTeam);
      if (c.acrossOrganisation === true) await scheduling.ensureOrganisationSchedule(actor.tenantId);
      return ok(await statusOf(actor, teamId));
    },

    async cadence(actor, teamId) {
      const placed = await place(actor, teamId);
      if (!placed.ok) return placed;
      return ok(cadenceStatus(placed.value.team, placed.value.standing, await buddies.schedules.get(actor.tenantId, teamId)));
    },

    async setCadence(actor, teamId, cadence) {
      const placed = await place(actor, teamId);
      if (!placed.ok) return placed;
      const { team, standing } = placed.value;
      if (!mayManage(standing)) return fail({ kind: 'ownersOnly' });
      const checked = checkCadence(cadence);
      if (!checked.ok) return fail({ kind: 'invalid', problems: checked.problems });
      const schedule = await scheduling.setCadence(actor.tenantId, teamId, checked.value, settingsOf(team).timeZone);
      return ok(cadenceStatus(team, standing, schedule));
    },

    async startRound(actor, teamId) {
      const placed = await place(actor, teamId);
      if (!placed.ok) return placed;
      if (!mayManage(placed.value.standing)) return fail({ kind: 'ownersOnly' });
      const at = now();
      // The pending start lives on the schedule row under its ETag: of two clicks at once one writes, the other reads its id.
      const { schedule } = await buddies.schedules.update(actor.tenantId, teamId, (current) => {
        if (current?.pendingRoundId && current.pendingAt && at.getTime() - Date.parse(current.pendingAt) < START_WINDOW_MS)
          return undefined;
        return {
          ...(current ?? { tenantId: actor.tenantId, poolId: teamId }),
          pendingRoundId: ownerRoundId(at, newId()),
          pendingAt: at.toISOString(),
          updatedAt: at.toISOString(),
        };
      });
      const roundId = schedule?.pendingRoundId ?? ownerRoundId(at, newId());
      // Enqueued again by the second click: harmless, the round is computed once under its id.
      await outbox.enqueue({ kind: 'startBuddyRound', tenantId: actor.tenantId, teamId, roundId });
      return ok({ roundId });
    },

    async latestRound(actor, teamId) {
      const placed = await place(actor, teamId);
      if (!placed.ok) return placed;
      const owner = mayManage(placed.value.standing);
      const recent = await buddies.rounds.listRecent(actor.tenantId, teamId, owner ? HISTORY_ROUNDS : 1);
      const latest = recent[0];
      // No round yet is how every team starts, not a failure.
      if (!latest) return ok(undefined);
      if (!owner) {
        const names = await namesOf({ members, teams }, actor.tenantId, pairOf(latest, actor.userId)?.members ?? [], teamId);
        return ok(memberRoundView(latest, actor.userId, names));
      }
      const [history, names] = await Promise.all([
        Promise.all(
          recent.map(async (round) => ({
            round,
            answers: await buddies.answers.listForRound(round.tenantId, round.poolId, round.roundId),
          })),
        ),
        namesOf({ members, teams }, actor.tenantId, peopleOf(latest), teamId),
      ]);
      const [first] = history;
      return ok(ownerRoundView(first ?? { round: latest, answers: [] }, history, names));
    },

    async answerMet(actor, poolId, roundId, answer) {
      if (!isMetAnswer(answer)) return fail({ kind: 'invalid', problems: [{ field: 'answer', code: 'unknownValue' }] });
      const round = await buddies.rounds.get(actor.tenantId, poolId, roundId);
      if (!round) return fail({ kind: 'noRound' });
      if (!pairOf(round, actor.userId)) return fail({ kind: 'notInRound' });
      await buddies.answers.put({
        tenantId: actor.tenantId,
        poolId,
        roundId,
        userId: actor.userId,
        answer,
        answeredAt: now().toISOString(),
      });
      return ok(answer);
    },
  };
}
