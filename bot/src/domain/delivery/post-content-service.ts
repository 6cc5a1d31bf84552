import type { Kudos } from '../kudos/kudos';
import { summariseFeedback } from '../sessions/feedback-summary';
import type { FeedbackSummary } from '../sessions/feedback-summary';
import { namedRoleOf } from '../sessions/session';
import type { Feedback, LearningSession, NamedRole } from '../sessions/session';
import { timeZoneOf } from '../sessions/session-service';
import { toLocale } from '../shared/person';
import type { Locale } from '../shared/person';
import type { Repositories } from '../shared/repositories';
import type { Team } from '../teams/team';
import { nameOf, namesOf } from '../teams/person-names';

interface SessionRef {
  readonly tenantId: string;
  readonly teamId: string;
  readonly sessionId: string;
}

/** A job's session with its team's language and time zone (the defaults when the team is gone). */
interface SessionInTeam {
  readonly session: LearningSession;
  readonly team: Team | undefined;
  readonly locale: Locale;
  readonly timeZone: string;
}

/** A person a direct message goes to, in their own language (else the team's). */
interface Reader {
  readonly userId: string;
  readonly locale: Locale;
}

/** A session post in its channel (or the invite's thread there). */
interface InChannel extends SessionInTeam {
  readonly channelId: string;
}

interface InviteContent extends InChannel {
  /** Display names of the host, teachers and discussion leader, by user id. */
  readonly names: ReadonlyMap<string, string>;
  readonly recentResponders: readonly string[];
}

/** A direct message about the session. */
interface ToReader extends SessionInTeam {
  readonly reader: Reader;
}

interface KudosContent {
  readonly kudos: Kudos;
  readonly channelId: string;
  /** The team's. */
  readonly locale: Locale;
  readonly fromName?: string;
  readonly toName?: string;
  readonly sessionTitle?: string;
}

interface PostContentDeps {
  readonly repositories: Pick<Repositories, 'teams' | 'members' | 'sessions' | 'rsvps' | 'feedback' | 'kudos'>;
}

export type PostContentService = ReturnType<typeof createPostContentService>;

/**
 * What each outbox job posts, read fresh from storage when the job runs (so an invite update shows
 * the latest counts), and undefined (nothing to post) when the job has become stale. The job
 * composer turns these views into cards.
 */
export function createPostContentService(deps: PostContentDeps) {
  const repos = deps.repositories;

  async function inTeam(ref: SessionRef): Promise<SessionInTeam | undefined> {
    const [team, session] = await Promise.all([
      repos.teams.get(ref.tenantId, ref.teamId),
      repos.sessions.get(ref.tenantId, ref.teamId, ref.sessionId),
    ]);
    return session ? { team, session, locale: toLocale(team?.locale), timeZone: timeZoneOf(team) } : undefined;
  }

  async function reader(tenantId: string, userId: string, fallback: Locale): Promise<Reader> {
    const profile = await repos.members.get(tenantId, userId);
    return { userId, locale: profile?.locale ? toLocale(profile.locale) : fallback };
  }

  /** A planned reminder or feedback request is stale when the session moved since (a new one was planned then). */
  const moved = (session: LearningSession, forStartsAt: string | undefined) =>
    forStartsAt !== undefined && forStartsAt !== session.startsAt;

  return {
    /**
     * The invite in its channel: the session with its roles' names and its most recent responders. A
     * cancelled session is never announced (`post`); its posted invite is updated to say so (`update`).
     */
    async invite(ref: SessionRef, mode: 'post' | 'update'): Promise<InviteContent | undefined> {
      const found = await inTeam(ref);
      if (!found) return undefined;
      const { session } = found;
      if (mode === 'post' && session.status === 'cancelled') return undefined;
      if (!session.channelId) return undefined;
      // From the tally row: an update per RSVP must not read every RSVP row of the session.
      const recentResponders = await repos.rsvps.recentResponders(session.tenantId, session.sessionId);
      const ids = [session.hostId, ...session.teacherIds, ...(session.discussionLeaderId ? [session.discussionLeaderId] : [])];
      const people = await namesOf(repos, session.tenantId, ids, session.teamId);
      const names = new Map([...people.values()].map((p) => [p.userId, p.displayName]));
      return { ...found, channelId: session.channelId, names, recentResponders };
    },

    /** A reminder in the invite's thread: only for a session still on, in a channel, not moved and not begun. */
    async reminder(ref: SessionRef & { readonly forStartsAt?: string }, now: Date): Promise<InChannel | undefined> {
      const found = await inTeam(ref);
      const session = found?.session;
      if (!found || !session?.channelId || session.status === 'cancelled') return undefined;
      if (moved(session, ref.forStartsAt)) return undefined;
      if (Date.parse(session.startsAt) <= now.getTime()) return undefined;
      return { ...found, channelId: session.channelId };
    },

    /** After the end: everyone who had a place, each in their own language. */
    async feedbackRequests(
      ref: SessionRef & { readonly forStartsAt?: string },
    ): Promise<(SessionInTeam & { readonly attendees: readonly Reader[] }) | undefined> {
      const found = await inTeam(ref);
      if (!found || found.session.status === 'cancelled' || moved(found.session, ref.forStartsAt)) return undefined;
      const going = (await repos.rsvps.listForSession(ref.tenantId, ref.sessionId)).filter((r) => r.response === 'yes' && !r.waitlisted);
      const attendees = await Promise.all(going.map((r) => reader(ref.tenantId, r.userId, found.locale)));
      return { ...found, attendees };
    },

    /** The feedback so far, for the host only, once there is any. */
    async feedbackSummary(
      ref: SessionRef & { readonly userId: string },
    ): Promise<(ToReader & { readonly summary: FeedbackSummary }) | undefined> {
      const found = await inTeam(ref);
      if (!found) return undefined;
      const to = await reader(ref.tenantId, ref.userId, found.locale);
      if (ref.userId !== found.session.hostId) return undefined;
      const summary = summariseFeedback(await repos.feedback.listForSession(ref.tenantId, ref.sessionId));
      return summary.responses === 0 ? undefined : { ...found, reader: to, summary };
    },

    /**
     * "Did you apply it?" (issue #12), to who wrote what they would apply. Stale when the session was
     * cancelled or moved since (`forStartsAt`), or their answer no longer says what they will apply.
     */
    async appliedFollowUp(
      ref: SessionRef & { readonly userId: string; readonly forStartsAt?: string },
    ): Promise<(ToReader & { readonly feedback: Feedback }) | undefined> {
      const found = await inTeam(ref);
      if (!found || found.session.status === 'cancelled' || moved(found.session, ref.forStartsAt)) return undefined;
      const feedback = await repos.feedback.get(ref.tenantId, ref.sessionId, ref.userId);
      if (!feedback || feedback.teamId !== ref.teamId || feedback.willApply.trim() === '') return undefined;
      return { ...found, reader: await reader(ref.tenantId, ref.userId, found.locale), feedback };
    },

    /**
     * A notice to one person about the session. A waitlist promotion is stale when they answered
     * otherwise since, or the session is off.
     */
    async personNotice(ref: SessionRef & { readonly userId: string; readonly promoted: boolean }): Promise<ToReader | undefined> {
      const found = await inTeam(ref);
      if (!found) return undefined;
      const to = await reader(ref.tenantId, ref.userId, found.locale);
      const rsvp = await repos.rsvps.get(ref.tenantId, ref.sessionId, ref.userId);
      if (ref.promoted) {
        if (found.session.status === 'cancelled' || rsvp?.response !== 'yes' || rsvp.waitlisted) return undefined;
      } else if (!rsvp || rsvp.response === 'no') {
        // A cancellation is told to those who said yes or maybe; someone whose answer is gone (erased, DESIGN F13) is not written to.
        return undefined;
      }
      return { ...found, reader: to };
    },

    /**
     * To someone the host named: who named them and as what. Stale when the session is off or has
     * begun, or they no longer have that role (declined, or the host changed their mind).
     */
    async namedNotice(
      ref: SessionRef & { readonly userId: string; readonly role: NamedRole },
      now: Date,
    ): Promise<(ToReader & { readonly hostName: string | undefined }) | undefined> {
      const found = await inTeam(ref);
      const session = found?.session;
      if (!found || !session || session.status === 'cancelled' || Date.parse(session.startsAt) <= now.getTime()) return undefined;
      if (ref.userId === session.hostId || namedRoleOf(session, ref.userId) !== ref.role) return undefined;
      const [to, host] = await Promise.all([reader(ref.tenantId, ref.userId, found.locale), nameOf(repos, ref.tenantId, session.hostId)]);
      return { ...found, reader: to, hostName: host };
    },

    /** To the host: who declined their role. Stale when the session is off, or the person was named again since. */
    async roleDeclined(
      ref: SessionRef & { readonly userId: string; readonly aboutUserId: string },
    ): Promise<(ToReader & { readonly declinedBy: string | undefined }) | undefined> {
      const found = await inTeam(ref);
      const session = found?.session;
      if (!found || !session || session.status === 'cancelled' || ref.userId !== session.hostId) return undefined;
      if (namedRoleOf(session, ref.aboutUserId)) return undefined;
      const [to, who] = await Promise.all([reader(ref.tenantId, ref.userId, found.locale), nameOf(repos, ref.tenantId, ref.aboutUserId)]);
      return { ...found, reader: to, declinedBy: who };
    },

    /** A kudos for its channel, with both names and the session it thanks for; undefined without a channel. */
    async kudos(tenantId: string, teamId: string, kudosId: string): Promise<KudosContent | undefined> {
      const kudos = await repos.kudos.get(tenantId, teamId, kudosId);
      if (!kudos?.channelId) return undefined;
      const [team, from, to, session] = await Promise.all([
        repos.teams.get(tenantId, teamId),
        nameOf(repos, tenantId, kudos.fromUserId),
        nameOf(repos, tenantId, kudos.toUserId),
        kudos.sessionId ? repos.sessions.get(tenantId, teamId, kudos.sessionId) : Promise.resolve(undefined),
      ]);
      return {
        kudos,
        channelId: kudos.channelId,
        locale: toLocale(team?.locale),
        ...(from ? { fromName: from } : {}),
        ...(to ? { toName: to } : {}),
        ...(session ? { sessionTitle: session.title } : {}),
      };
    },
  };
}
