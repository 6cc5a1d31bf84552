import { celebratesMilestones } from '../experts/member';
import { forEachLimited } from '../shared/each-limited';
import type { SessionFact } from '../insights/insights';
import type { Locale } from '../shared/person';
import { toLocale } from '../shared/person';
import type { Repositories } from '../shared/repositories';
import { generalChannelOf } from '../teams/general-channel';
import { namesOf } from '../teams/person-names';
import type { NamedPerson } from '../teams/person-names';
import { kudosEventsOf, sessionEventsOf } from './milestone-count';
import type { Reached } from './milestone-count';
import { reachedBy, reachedIn, tallyFromHistory, withEvent } from './milestone-tally';
import { MILESTONE_NEWS_DAYS } from './milestones';
import type { CountedEvent, MilestoneClaim, MilestoneKind, MilestoneTally, TallyOwner } from './milestones';

/** What was just written that may reach a milestone: a held session (its fact was folded) or a kudos stored. */
export type MilestoneTrigger =
  | { readonly tenantId: string; readonly teamId: string; readonly source: 'session'; readonly sessionId: string }
  | { readonly tenantId: string; readonly teamId: string; readonly source: 'kudos'; readonly kudosId: string };

/** What one check wrote (or may have: noted before each write) about people: taken back for anyone its trigger no longer names when it is done. */
interface Written {
  readonly claims: MilestoneClaim[];
  readonly tallies: TallyOwner[];
}

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

/** Tallies counted, and claims made, at once: a session's first-timers each need a read and a write. */
const TALLY_WRITES = 8;

/** Ids that stand for an erased person (`~erased-…`, the former colleague) never reach a milestone. */
const isPerson = (userId: string) => userId !== '' && !userId.startsWith('~');

export type MilestoneService = ReturnType<typeof createMilestoneService>;

/**
 * Milestones (issue #12): after a fact is written, counts the people it is about the way Insights
 * does (in their tallies, milestone-tally.ts), claims each milestone reached once per (team, person,
 * milestone), and answers the cards due.
 * Per team, not per tenant: the counts are the team's own (its session facts, its kudos), and the
 * card goes to that team's channel, to the colleagues who were there.
 */
export function createMilestoneService(deps: MilestoneServiceDeps) {
  const { repositories: repos } = deps;

  /**
   * Counts the event for each person in their tally of `kind` and answers what it reached. A tally
   * holds only the first events up to the highest milestone, so a session folded again (after each
   * feedback answer) reads the people's tallies in one query and writes nothing. The team's history
   * is read only to start the tally of someone the check meets in the team for the first time; then
   * every milestone the history reached is looked at (some may never have been claimed).
   */
  async function count(
    where: { readonly tenantId: string; readonly teamId: string },
    kind: MilestoneKind,
    userIds: readonly string[],
    event: CountedEvent,
    history: (userId: string) => Promise<CountedEvent[]>,
    written: Written,
  ): Promise<{ userId: string; reached: Reached[] }[]> {
    if (userIds.length === 0) return [];
    const stored = new Map((await repos.milestones.listTallies(where.tenantId, where.teamId, kind, userIds)).map((t) => [t.userId, t]));
    const out: { userId: string; reached: Reached[] }[] = [];
    await forEachLimited(userIds, TALLY_WRITES, async (userId) => {
      const listed = stored.get(userId);
      let tally: MilestoneTally | undefined = listed;
      let started = false;
      if (!tally || withEvent(tally, event)) {
        const owner = { ...where, userId, kind };
        let wrote = false;
        // Noted before the write: if the check fails while it is on the wire, the take-back still
        // deletes the row (a row not there yet is fine), and it never lands after that unnoted.
        written.tallies.push(owner);
        tally = await repos.milestones.updateTally(
          owner,
          async (current) => {
            started = !current;
            const next = current ? withEvent(current, event) : await fromHistory(owner, event, history);
            wrote = next !== undefined;
            return next;
          },
          listed,
        );
        // Nothing written after all (counted already): the take-back leaves this tally alone.
        if (!wrote) written.tallies.splice(written.tallies.indexOf(owner), 1);
      }
      if (tally) out.push({ userId, reached: started ? reachedIn(tally) : reachedBy(tally, event.sourceId) });
    });
    return out;
  }

  async function fromHistory(owner: TallyOwner, event: CountedEvent, history: (userId: string) => Promise<CountedEvent[]>) {
    const first = tallyFromHistory(owner, await history(owner.userId));
    // The history holds the event already (it was stored before the check); if not, count it too.
    return withEvent(first, event) ?? first;
  }

  /** Everyone the trigger's session fact or kudos names now (read again, after the check wrote). */
  async function namedBy(trigger: MilestoneTrigger): Promise<ReadonlySet<string>> {
    const { tenantId, teamId } = trigger;
    if (trigger.source === 'kudos') {
      const kudos = await repos.kudos.get(tenantId, teamId, trigger.kudosId);
      return new Set(kudos ? [kudos.toUserId] : []);
    }
    const fact = await repos.insights.getFact(tenantId, teamId, trigger.sessionId);
    return new Set(fact ? [...fact.teacherIds, ...fact.attendeeIds] : []);
  }

  /**
   * An erase of someone between this check's read of the trigger and its writes would be undone by
   * them (a tally, a claim, its copy naming an erased person). So once it wrote, the check reads the
   * fact or kudos again and takes back what it wrote about anyone it no longer names: the erase has
   * replaced them there, and it does so before it sweeps plMilestones (storage/privacy/milestone-rules.ts).
   * A person taken off a fact for another reason loses only what this check wrote; the next check
   * counts them again from the history. Answers whose writes were taken back.
   */
  async function takeBackUnnamed(trigger: MilestoneTrigger, written: Written): Promise<ReadonlySet<string>> {
    const people = new Set([...written.claims, ...written.tallies].map((row) => row.userId));
    if (people.size === 0) return people;
    const named = await namedBy(trigger);
    const gone = new Set([...people].filter((userId) => !named.has(userId)));
    if (gone.size > 0) {
      await repos.milestones.remove({
        claims: written.claims.filter((c) => gone.has(c.userId)),
        tallies: written.tallies.filter((t) => gone.has(t.userId)),
      });
    }
    return gone;
  }

  async function reachedOf(trigger: MilestoneTrigger, written: Written): Promise<{ userId: string; reached: Reached[] }[]> {
    const { tenantId, teamId } = trigger;
    if (trigger.source === 'kudos') {
      const kudos = await repos.kudos.get(tenantId, teamId, trigger.kudosId);
      if (!kudos || !isPerson(kudos.toUserId)) return [];
      const event = { sourceId: kudos.kudosId, at: kudos.createdAt };
      const history = async (userId: string) => kudosEventsOf(await repos.kudos.listForTeam(tenantId, teamId), userId);
      return count(trigger, 'kudosReceived', [kudos.toUserId], event, history, written);
    }
    const fact = await repos.insights.getFact(tenantId, teamId, trigger.sessionId);
    if (!fact) return [];
    const event = { sourceId: fact.sessionId, at: fact.startsAt };
    // One read of the team's facts at most, shared by everyone met here for the first time.
    let facts: Promise<SessionFact[]> | undefined;
    const history = (role: 'taught' | 'attended') => async (userId: string) =>
      sessionEventsOf(await (facts ??= repos.insights.listFacts(tenantId, teamId)), userId)[role];
    const teachers = [...new Set(fact.teacherIds)].filter(isPerson);
    const attendees = [...new Set(fact.attendeeIds)].filter((id) => isPerson(id) && !teachers.includes(id));
    // Both settle before a failure is passed on: the take-back after it must not race the other's writes.
    const [taught, attended] = await Promise.allSettled([
      count(trigger, 'taught', teachers, event, history('taught'), written),
      count(trigger, 'attended', attendees, event, history('attended'), written),
    ]);
    if (taught.status === 'rejected') throw taught.reason;
    if (attended.status === 'rejected') throw attended.reason;
    return [...taught.value, ...attended.value];
  }

  /** Claims what the trigger's people reached (noting each write in `written`) and answers the cards due now. */
  async function claimDue(trigger: MilestoneTrigger, written: Written): Promise<Celebration[]> {
    const { tenantId, teamId } = trigger;
    const sourceId = trigger.source === 'kudos' ? trigger.kudosId : trigger.sessionId;
    const now = deps.now();
    const team = await repos.teams.get(tenantId, teamId);
    if (!team || team.uninstalledAt) return [];
    const found = (await reachedOf(trigger, written)).flatMap(({ userId, reached }) => reached.map((r) => ({ userId, reached: r })));
    if (found.length === 0) return [];
    // Point reads of the claims in question: only people whose count just reached a milestone (or whose tally just started).
    const claims = await Promise.all(
      found.map(({ userId, reached }) => repos.milestones.get(tenantId, teamId, userId, reached.milestone.id)),
    );
    const due: { userId: string; reached: Reached; claim?: MilestoneClaim }[] = [];
    found.forEach(({ userId, reached }, i) => {
      const claim = claims[i];
      if (!claim) due.push({ userId, reached });
      else if (claim.celebrated && claim.sourceId === sourceId && now.getTime() - Date.parse(claim.claimedAt) < RECOMPOSE_MS)
        due.push({ userId, reached, claim });
    });
    if (due.length === 0) return [];
    const ids = [...new Set(due.map((d) => d.userId))];
    const profiles = new Map((await repos.members.getMany(tenantId, ids)).map((p) => [p.userId, p] as const));
    const channelId = generalChannelOf(team);
    const ready: { readonly claim: MilestoneClaim; readonly userId: string }[] = [];
    // Claims side by side: a session's first-timers each need a create (and their copy).
    await forEachLimited(due, TALLY_WRITES, async ({ userId, reached, claim: existing }) => {
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
        // Lost to another writer: that one decided, and celebrates it if it was due. Won or lost, the copy was written.
        written.claims.push(candidate);
        if (!(await repos.milestones.claim(candidate))) return;
        claim = candidate;
      }
      // Turned off since the claim (a retry): nothing is posted.
      if (!claim.celebrated || channelId === undefined || !celebratesMilestones(profiles.get(userId) ?? {})) return;
      ready.push({ claim, userId });
    });
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
  }

  return {
    /**
     * Claims what the trigger's people reached and answers the cards due now. Safe to run again and
     * at the same time on two instances: a claim is inserted only if absent, so one caller celebrates
     * it; a retried job gets its own celebrations back (the channel post's key makes it one post).
     */
    async celebrate(trigger: MilestoneTrigger): Promise<Celebration[]> {
      const written: Written = { claims: [], tallies: [] };
      let due: Celebration[];
      try {
        due = await claimDue(trigger, written);
      } catch (error) {
        // A retried job no longer meets an erased person, so it would not take back what this one wrote.
        await takeBackUnnamed(trigger, written);
        throw error;
      }
      const gone = await takeBackUnnamed(trigger, written);
      return due.filter((c) => !gone.has(c.claim.userId));
    },
  };
}
