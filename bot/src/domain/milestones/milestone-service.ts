import { celebratesMilestones } from '../experts/member';
import type { SessionFact } from '../insights/insights';
import type { Kudos } from '../kudos/kudos';
import type { Locale } from '../shared/person';
import { toLocale } from '../shared/person';
import type { Repositories } from '../shared/repositories';
import { generalChannelOf } from '../teams/general-channel';
import { namesOf } from '../teams/person-names';
import type { NamedPerson } from '../teams/person-names';
import { kudosEventsOf, reachedMilestones, sessionEventsOf } from './milestone-count';
import type { Reached } from './milestone-count';
import { MILESTONE_NEWS_DAYS } from './milestones';
import type { MilestoneClaim, MilestoneKind } from './milestones';

/** What was just written that may reach a milestone: a held session (its fact was folded) or a kudos stored. */
export type MilestoneTrigger =
  | { readonly tenantId: string; readonly teamId: string; readonly source: 'session'; readonly sessionId: string }
  | { readonly tenantId: string; readonly teamId: string; readonly source: 'kudos'; readonly kudosId: string };

/** A milestone card due in the team's channel. */
interface Celebration {
  readonly claim: MilestoneClaim;
  /** '' when nothing names the person (the card says "a colleague"). */
  readonly displayName: string;
  /** The team's language, as for every channel post. */
  readonly locale: Locale;
  readonly channelId: string;
}

interface MilestoneServiceDeps {
  readonly repositories: Pick<Repositories, 'teams' | 'members' | 'kudos' | 'insights' | 'milestones'>;
  readonly now: () => Date;
}

const DAY_MS = 86_400_000;
/** A retried job composes its own celebrations again (the sender's idempotency record posts them once) for this long. */
const RECOMPOSE_MS = DAY_MS;

/** Ids that stand for an erased person (`~erased-…`, the former colleague) never reach a milestone. */
const isPerson = (userId: string) => userId !== '' && !userId.startsWith('~');

export type MilestoneService = ReturnType<typeof createMilestoneService>;

/**
 * Milestones (issue #12): after a fact is written, counts the people it is about the way Insights
 * does, claims each milestone reached once per (team, person, milestone), and answers the cards due.
 * Per team, not per tenant: the counts are the team's own (its session facts, its kudos), and the
 * card goes to that team's channel, to the colleagues who were there.
 */
export function createMilestoneService(deps: MilestoneServiceDeps) {
  const { repositories: repos } = deps;

  async function eventsOf(trigger: MilestoneTrigger): Promise<{ people: string[]; reached: (userId: string) => Reached[] } | undefined> {
    const { tenantId, teamId } = trigger;
    if (trigger.source === 'kudos') {
      const kudos = await repos.kudos.get(tenantId, teamId, trigger.kudosId);
      if (!kudos || !isPerson(kudos.toUserId)) return undefined;
      const all: Kudos[] = await repos.kudos.listForTeam(tenantId, teamId);
      return { people: [kudos.toUserId], reached: (userId) => reachedMilestones('kudosReceived', kudosEventsOf(all, userId)) };
    }
    const fact = await repos.insights.getFact(tenantId, teamId, trigger.sessionId);
    if (!fact) return undefined;
    const facts: SessionFact[] = await repos.insights.listFacts(tenantId, teamId);
    const people = [...new Set([...fact.teacherIds, ...fact.attendeeIds])].filter(isPerson);
    const kinds: readonly MilestoneKind[] = ['taught', 'attended'];
    return {
      people,
      reached: (userId) => {
        const events = sessionEventsOf(facts, userId);
        return kinds.flatMap((kind) => reachedMilestones(kind, kind === 'taught' ? events.taught : events.attended));
      },
    };
  }

  return {
    /**
     * Claims what the trigger's people reached and answers the cards due now. Safe to run again and
     * at the same time on two instances: a claim is inserted only if absent, so one caller celebrates
     * it; a retried job gets its own celebrations back (the channel post's key makes it one post).
     */
    async celebrate(trigger: MilestoneTrigger): Promise<Celebration[]> {
      const { tenantId, teamId } = trigger;
      const sourceId = trigger.source === 'kudos' ? trigger.kudosId : trigger.sessionId;
      const now = deps.now();
      const team = await repos.teams.get(tenantId, teamId);
      if (!team || team.uninstalledAt) return [];
      const found = await eventsOf(trigger);
      if (!found || found.people.length === 0) return [];
      const claims = new Map((await repos.milestones.listForTeam(tenantId, teamId)).map((c) => [`${c.userId}|${c.milestone}`, c] as const));
      const due: { userId: string; reached: Reached; claim?: MilestoneClaim }[] = [];
      for (const userId of found.people) {
        for (const reached of found.reached(userId)) {
          const claim = claims.get(`${userId}|${reached.milestone.id}`);
          if (!claim) due.push({ userId, reached });
          else if (claim.celebrated && claim.sourceId === sourceId && now.getTime() - Date.parse(claim.claimedAt) < RECOMPOSE_MS)
            due.push({ userId, reached, claim });
        }
      }
      if (due.length === 0) return [];
      const ids = [...new Set(due.map((d) => d.userId))];
      const profiles = new Map((await repos.members.getMany(tenantId, ids)).map((p) => [p.userId, p] as const));
      const channelId = generalChannelOf(team);
      const ready: { readonly claim: MilestoneClaim; readonly userId: string }[] = [];
      for (const { userId, reached, claim: existing } of due) {
        let claim = existing;
        if (!claim) {
          const fresh = now.getTime() - Date.parse(reached.event.at) <= MILESTONE_NEWS_DAYS * DAY_MS;
          const optedIn = celebratesMilestones(profiles.get(userId) ?? {});
          const candidate: MilestoneClaim = {
            tenantId,
            teamId,
            userId,
            milestone: reached.milestone.id,
            reachedAt: new Date(reached.event.at).toISOString(),
            sourceId: reached.event.sourceId,
            claimedAt: now.toISOString(),
            celebrated: fresh && optedIn && channelId !== undefined,
          };
          // Lost to another writer: that one decided, and celebrates it if it was due.
          if (!(await repos.milestones.claim(candidate))) continue;
          claim = candidate;
        }
        if (!claim.celebrated || channelId === undefined) continue;
        // Turned off since the claim (a retry): nothing is posted.
        if (profiles.get(userId)?.celebrateMilestones === false) continue;
        ready.push({ claim, userId });
      }
      if (ready.length === 0 || channelId === undefined) return [];
      // Names only for the cards that go out; the profiles read above name most, the roster the rest.
      const unnamed = ready.map((r) => r.userId).filter((id) => !profiles.get(id)?.displayName);
      const names = unnamed.length > 0 ? await namesOf(repos, tenantId, unnamed, teamId) : new Map<string, NamedPerson>();
      return ready.map(({ claim, userId }) => ({
        claim,
        displayName: profiles.get(userId)?.displayName || names.get(userId)?.displayName || '',
        locale: toLocale(team.locale),
        channelId,
      }));
    },
  };
}
