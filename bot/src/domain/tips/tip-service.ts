import type { PersonRef } from '../shared/person';
import type { Repositories } from '../shared/repositories';
import { namesOf } from '../teams/person-names';
import type { NamedPerson } from '../teams/person-names';
import { validateTipInput } from './tip';
import type { Tip } from './tip';
import { failWith, ok } from '../shared/result';
import type { Result, TipFailure } from '../shared/result';
import { createTeamAccess, mayReadTeam } from '../teams/team-access';
import { tipMatcher } from './tip-search';
import type { TipSearch } from './tip-search';

export interface TipListing {
  readonly tips: readonly Tip[];
  readonly cursor?: string;
  /** The authors' names that still exist (an erased author has none: the tab shows "a colleague"). */
  readonly authors: ReadonlyMap<string, NamedPerson>;
}

interface TipServiceDeps {
  readonly repositories: Pick<Repositories, 'teams' | 'members' | 'tips'>;
  readonly now: () => Date;
  readonly newId?: () => string;
}

interface ShareOptions {
  /**
   * The messaging extension runs inside the team's own channel: Teams (its signed activity) vouches
   * that the person is in the team, whether or not PeerLearn's membership rows know them yet.
   */
  readonly inTeamConversation?: boolean;
}

type TipOutcome<T> = Result<T, TipFailure>;
const fail = failWith<TipFailure>('tip');

export type TipService = ReturnType<typeof createTipService>;

/** Tips (F9): the bot's messaging extension and the tab API both go through these operations. */
export function createTipService(deps: TipServiceDeps) {
  const repos = deps.repositories;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const access = createTeamAccess(repos.teams);

  async function isOwner(tenantId: string, teamId: string, userId: string): Promise<boolean> {
    const members = await repos.teams.listMembers(tenantId, teamId);
    return members.some((m) => m.userId === userId && m.role === 'owner');
  }

  return {
    /** Whether the person owns the team: owners may remove anyone's tip. */
    isOwner,

    /** Validates and stores a tip; nothing is stored on bad input. */
    async share(actor: PersonRef, teamId: string, input: unknown, options: ShareOptions = {}): Promise<TipOutcome<Tip>> {
      const [team, members] = await Promise.all([
        repos.teams.get(actor.tenantId, teamId),
        options.inTeamConversation ? [] : repos.teams.listMembers(actor.tenantId, teamId),
      ]);
      if (!team) return fail({ kind: 'teamUnknown' });
      if (!options.inTeamConversation && !members.some((m) => m.userId === actor.userId)) return fail({ kind: 'notMember' });
      const validation = validateTipInput(input);
      if (!validation.ok) return fail({ kind: 'invalid', problems: validation.problems });
      const tip: Tip = {
        tenantId: actor.tenantId,
        teamId,
        tipId: newId(),
        authorUserId: actor.userId,
        ...validation.draft,
        createdAt: deps.now().toISOString(),
      };
      await repos.tips.add(tip);
      return ok(tip);
    },

    /** The author or an owner of the team may remove a tip. */
    async remove(actor: PersonRef, teamId: string, tipId: string): Promise<TipOutcome<Tip>> {
      const tip = await repos.tips.get(actor.tenantId, teamId, tipId);
      if (!tip) return fail({ kind: 'notFound' });
      if (tip.authorUserId !== actor.userId) {
        const members = await repos.teams.listMembers(actor.tenantId, teamId);
        if (!members.some((m) => m.userId === actor.userId && m.role === 'owner')) return fail({ kind: 'notAllowed' });
      }
      await repos.tips.remove(tip);
      return ok(tip);
    },

    /** Newest first, filtered by text and skill; one batched profile read for the authors' names. */
    async list(
      viewer: PersonRef,
      teamId: string,
      search: TipSearch,
      page: { readonly limit: number; readonly cursor?: string },
    ): Promise<TipOutcome<TipListing>> {
      const { tenantId } = viewer;
      const [team, found] = await Promise.all([
        repos.teams.get(tenantId, teamId),
        repos.tips.list(tenantId, teamId, {
          limit: page.limit,
          ...(page.cursor ? { cursor: page.cursor } : {}),
          matches: tipMatcher(search),
        }),
      ]);
      if (!team) return fail({ kind: 'teamUnknown' });
      // The team's tips are shared in its channels: for its members, like the board.
      if (!mayReadTeam(await access.standing(viewer, teamId))) return fail({ kind: 'notMember' });
      const authors = await namesOf(
        repos,
        tenantId,
        found.tips.map((t) => t.authorUserId),
        teamId,
      );
      return ok({
        tips: found.tips,
        ...(found.cursor ? { cursor: found.cursor } : {}),
        authors,
      });
    },
  };
}
