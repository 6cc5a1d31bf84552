import {
  boardOrder,
  mayClose,
  mayHandBack,
  newLearningRequest,
  planPlanned,
  planTake,
  reopened,
  validateLearningRequestInput,
} from './learning-request';
import type { LearningRequest } from './learning-request';
import { failWith, ok } from '../shared/result';
import type { Reason, RequestFailure, Result } from '../shared/result';
import type { PersonRef } from '../shared/person';
import { NotFoundError } from '../shared/repositories';
import type { Repositories } from '../shared/repositories';
import type { ExpertDirectory } from '../experts/expert-directory';
import type { Team } from '../teams/team';
import type { Outbox } from '../delivery/outbox';

interface RequestPerson {
  readonly userId: string;
  readonly displayName: string;
}

/** A request as people see it: with names, whether the viewer voted, and who could teach it. */
export interface RequestItem {
  readonly request: LearningRequest;
  readonly author: RequestPerson;
  readonly takenBy?: RequestPerson;
  readonly voted: boolean;
  readonly experts: readonly RequestPerson[];
  readonly canClose: boolean;
  readonly canHandBack: boolean;
}

interface LearningRequestServiceDeps {
  readonly repositories: Repositories;
  /** Suggestions come from the one ranking of expert search. */
  readonly experts: Pick<ExpertDirectory, 'search' | 'index'>;
  /** A new request reaches the people who teach its skill (issue #12), through the outbox. */
  readonly outbox: Outbox;
  readonly now: () => Date;
  readonly newId?: () => string;
}

const SUGGESTED_EXPERTS = 3;
/** The board shows the most wanted; a team with more open requests sees these first. */
const REQUESTS_ON_BOARD = 50;
// Expert suggestions must not hold up the board while the index warms: no suggestions instead.
const EXPERT_WAIT_MS = 2_000;

type RequestOutcome<T> = Result<T, RequestFailure>;
const fail = failWith<RequestFailure>('request');

export type LearningRequestService = ReturnType<typeof createLearningRequestService>;

/** Learning requests (DESIGN F7) for every surface: the tab API and the bot's "I want to learn X". */
export function createLearningRequestService(deps: LearningRequestServiceDeps) {
  const { repositories: repos } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());

  async function teamOf(actor: PersonRef, teamId: string): Promise<RequestOutcome<{ team: Team; member: boolean; owner: boolean }>> {
    const [team, members] = await Promise.all([repos.teams.get(actor.tenantId, teamId), repos.teams.listMembers(actor.tenantId, teamId)]);
    if (!team) return fail({ kind: 'teamUnknown' });
    const me = members.find((m) => m.userId === actor.userId);
    return ok({ team, member: me !== undefined, owner: me?.role === 'owner' });
  }

  async function names(tenantId: string, userIds: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(userIds)];
    const profiles = await Promise.all(unique.map((id) => repos.members.get(tenantId, id)));
    return new Map(profiles.flatMap((p) => (p ? [[p.userId, p.displayName] as const] : [])));
  }

  /** Up to three people who teach the skill, best first, never the one asking. */
  async function expertsFor(tenantId: string, skill: string, authorUserId: string): Promise<RequestPerson[]> {
    const outcome = await deps.experts.search(
      tenantId,
      { text: skill, skip: 0, count: SUGGESTED_EXPERTS + 5, excludeUserId: authorUserId },
      EXPERT_WAIT_MS,
    );
    if (outcome.status !== 'ready') return [];
    return outcome.page.hits
      .filter((hit) => hit.match === 'skill')
      .slice(0, SUGGESTED_EXPERTS)
      .map((hit) => ({ userId: hit.userId, displayName: hit.displayName }));
  }

  async function items(
    actor: PersonRef,
    owner: boolean,
    requests: readonly LearningRequest[],
    votedOn: (r: LearningRequest) => boolean,
  ): Promise<RequestItem[]> {
    const people = await names(
      actor.tenantId,
      requests.flatMap((r) => [r.authorUserId, ...(r.takenBy ? [r.takenBy] : [])]),
    );
    const bySkill = new Map<string, Promise<RequestPerson[]>>();
    const person = (userId: string): RequestPerson => ({ userId, displayName: people.get(userId) ?? '' });
    return Promise.all(
      requests.map(async (request) => {
        const key = `${request.skill}\u0000${request.authorUserId}`;
        let experts = bySkill.get(key);
        if (!experts) {
          experts = request.status === 'open' ? expertsFor(actor.tenantId, request.skill, request.authorUserId) : Promise.resolve([]);
          bySkill.set(key, experts);
        }
        return {
          request,
          author: person(request.authorUserId),
          ...(request.takenBy ? { takenBy: person(request.takenBy) } : {}),
          voted: votedOn(request),
          experts: await experts,
          canClose: mayClose(request, actor.userId, owner) && request.status !== 'closed',
          canHandBack: mayHandBack(request, actor.userId, owner),
        };
      }),
    );
  }

  async function one(actor: PersonRef, owner: boolean, request: LearningRequest): Promise<RequestItem> {
    const voted = await repos.learningRequests.hasVoted(actor.tenantId, request.teamId, request.requestId, actor.userId);
    const [item] = await items(actor, owner, [request], () => voted);
    if (!item) throw new Error('unreachable: one request gives one item');
    return item;
  }

  const service = {
    hasVoted: (actor: PersonRef, teamId: string, requestId: string): Promise<boolean> =>
      repos.learningRequests.hasVoted(actor.tenantId, teamId, requestId, actor.userId),

    /** The team's open requests, most wanted first, then newest. Anyone in the tenant may read them. */
    async list(actor: PersonRef, teamId: string): Promise<RequestOutcome<{ team: Team; items: RequestItem[] }>> {
      const [context, all] = await Promise.all([teamOf(actor, teamId), repos.learningRequests.listForTeam(actor.tenantId, teamId)]);
      if (!context.ok) return context;
      const mine = new Set(all.votes.filter((v) => v.userId === actor.userId).map((v) => v.requestId));
      const open = boardOrder(all.requests).slice(0, REQUESTS_ON_BOARD);
      return ok({ team: context.value.team, items: await items(actor, context.value.owner, open, (r) => mine.has(r.requestId)) });
    },

    async detail(actor: PersonRef, teamId: string, requestId: string): Promise<RequestOutcome<RequestItem>> {
      const [context, request] = await Promise.all([teamOf(actor, teamId), repos.learningRequests.get(actor.tenantId, teamId, requestId)]);
      if (!context.ok) return context;
      if (!request) return fail({ kind: 'notFound' });
      return ok(await one(actor, context.value.owner, request));
    },

    /** Validates and stores; an open request for the same skill comes back instead of a duplicate. Nothing is stored on bad input. */
    async create(actor: PersonRef, teamId: string, input: unknown): Promise<RequestOutcome<{ created: boolean; item: RequestItem }>> {
      const context = await teamOf(actor, teamId);
      if (!context.ok) return context;
      if (!context.value.member) return fail({ kind: 'notMember' });
      const taxonomy = (await deps.experts.index(actor.tenantId)).taxonomy();
      const validation = validateLearningRequestInput(input, taxonomy);
      if (!validation.ok) return fail({ kind: 'invalid', problems: validation.problems });
      const request = newLearningRequest(
        { tenantId: actor.tenantId, teamId, requestId: newId(), authorUserId: actor.userId },
        validation.draft,
        deps.now(),
      );
      const outcome = await repos.learningRequests.create(request);
      // Only a new request: a second ask for the same skill is a +1, and the teachers heard of it already.
      if (outcome.created)
        await deps.outbox.enqueue({ kind: 'alertTeachers', tenantId: actor.tenantId, teamId, requestId: outcome.request.requestId });
      return ok({ created: outcome.created, item: await one(actor, context.value.owner, outcome.request) });
    },

    /**
     * Whether the caller may plan a session from the request (the bot's "I can teach this" opens the
     * form with it): a member of the team, not the one who asked, the request open or theirs. Nothing
     * is stored: the save takes the request (domain/requests/request-sessions.ts).
     */
    async teachable(actor: PersonRef, teamId: string, requestId: string): Promise<RequestOutcome<RequestItem>> {
      const [context, request] = await Promise.all([teamOf(actor, teamId), repos.learningRequests.get(actor.tenantId, teamId, requestId)]);
      if (!context.ok) return context;
      if (!context.value.member) return fail({ kind: 'notMember' });
      if (!request) return fail({ kind: 'notFound' });
      const plan = planPlanned(request, actor.userId, request.sessionId ?? '', deps.now());
      if (!plan.ok) {
        if (plan.reason === 'ownRequest') return fail({ kind: 'ownRequest' });
        return fail({ kind: 'notOpen', status: plan.reason === 'closed' ? 'closed' : 'planned' });
      }
      return ok(await one(actor, context.value.owner, request));
    },

    /**
     * "Ask to learn this" (an empty expert search, "I want to learn X"): a new request for the skill,
     * or a +1 on the team's open request for it. Says which happened, so every surface can tell.
     */
    async ask(
      actor: PersonRef,
      teamId: string,
      input: unknown,
    ): Promise<RequestOutcome<{ readonly outcome: 'created' | 'voted' | 'alreadyVoted'; readonly item: RequestItem }>> {
      const created = await service.create(actor, teamId, input);
      if (!created.ok) return created;
      const { item } = created.value;
      if (created.value.created) return ok({ outcome: 'created', item });
      if (item.voted) return ok({ outcome: 'alreadyVoted', item });
      const voted = await service.vote(actor, teamId, item.request.requestId, true);
      return voted.ok ? ok({ outcome: 'voted', item: voted.value }) : voted;
    },

    /** +1 (`wants`) or take it back; idempotent per person. Only open requests take votes. */
    async vote(actor: PersonRef, teamId: string, requestId: string, wants: boolean): Promise<RequestOutcome<RequestItem>> {
      const context = await teamOf(actor, teamId);
      if (!context.ok) return context;
      if (!context.value.member) return fail({ kind: 'notMember' });
      try {
        const { request, voted } = await repos.learningRequests.vote(actor.tenantId, teamId, requestId, actor.userId, wants, deps.now());
        if (request.status !== 'open') return fail({ kind: 'notOpen', status: request.status });
        const [item] = await items(actor, context.value.owner, [request], () => voted);
        return item ? ok(item) : fail({ kind: 'notFound' });
      } catch (error) {
        if (error instanceof NotFoundError) return fail({ kind: 'notFound' });
        throw error;
      }
    },

    /** The caller takes the request (open → taken by them); taking it again is fine, someone else's is refused. */
    async take(actor: PersonRef, teamId: string, requestId: string): Promise<RequestOutcome<RequestItem>> {
      const context = await teamOf(actor, teamId);
      if (!context.ok) return context;
      if (!context.value.member) return fail({ kind: 'notMember' });
      let refusal: Reason<RequestFailure> | undefined;
      const now = deps.now();
      const updated = await repos.learningRequests.update(actor.tenantId, teamId, requestId, (current) => {
        const plan = planTake(current, actor.userId, now);
        refusal = plan.ok ? undefined : plan.reason === 'closed' ? { kind: 'notOpen', status: 'closed' } : { kind: plan.reason };
        return plan.ok && plan.changed ? plan.request : undefined;
      });
      if (!updated) return fail({ kind: 'notFound' });
      if (refusal) return fail(refusal);
      return ok(await one(actor, context.value.owner, updated));
    },

    /**
     * Whoever took (or planned) the request, or a team owner, returns it to open; a session planned
     * from it stays as it is. Refused for anyone else (the domain decides, for the API and the card alike).
     */
    async handBack(actor: PersonRef, teamId: string, requestId: string): Promise<RequestOutcome<RequestItem>> {
      const context = await teamOf(actor, teamId);
      if (!context.ok) return context;
      const owner = context.value.owner;
      let refusal: Reason<RequestFailure> | undefined;
      const now = deps.now();
      const updated = await repos.learningRequests.update(actor.tenantId, teamId, requestId, (current) => {
        if (current.status === 'open') refusal = { kind: 'notTaken' };
        else if (current.status === 'closed') refusal = { kind: 'notOpen', status: 'closed' };
        else if (!mayHandBack(current, actor.userId, owner)) refusal = { kind: 'notTaker' };
        else refusal = undefined;
        return refusal ? undefined : reopened(current, now);
      });
      if (!updated) return fail({ kind: 'notFound' });
      if (refusal) return fail(refusal);
      return ok(await one(actor, owner, updated));
    },

    /** The author or a team owner closes a request; closing it again changes nothing. */
    async close(actor: PersonRef, teamId: string, requestId: string): Promise<RequestOutcome<RequestItem>> {
      const context = await teamOf(actor, teamId);
      if (!context.ok) return context;
      const existing = await repos.learningRequests.get(actor.tenantId, teamId, requestId);
      if (!existing) return fail({ kind: 'notFound' });
      if (!mayClose(existing, actor.userId, context.value.owner)) return fail({ kind: 'notAllowed' });
      const now = deps.now().toISOString();
      const updated = await repos.learningRequests.update(actor.tenantId, teamId, requestId, (current) =>
        current.status === 'closed' ? undefined : { ...current, status: 'closed', updatedAt: now },
      );
      if (!updated) return fail({ kind: 'notFound' });
      return ok(await one(actor, context.value.owner, updated));
    },
  };
  return service;
}
