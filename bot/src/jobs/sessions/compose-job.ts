import { feedbackCard, feedbackSummaryCard } from '../../cards/sessions/feedback-cards';
import { kudosCard } from '../../cards/kudos/kudos-card';
import { personNoticeCard, reminderCard } from '../../cards/sessions/session-notice-cards';
import type { PersonNotice } from '../../cards/sessions/session-notice-cards';
import { sessionInviteCard } from '../../cards/sessions/session-invite-card';
import { formatShortWhen } from '../../cards/sessions/session-text';
import { clip } from '../../cards/shared/user-text';
import { t } from '../../cards/shared/i18n';
import { summariseFeedback } from '../../domain/sessions/feedback-summary';
import type { JobComposer, OutboxJob, OutgoingMessage } from '../../domain/delivery/outbox';
import { toLocale } from '../../domain/shared/person';
import type { Locale } from '../../domain/shared/person';
import type { Repositories } from '../../domain/shared/repositories';
import type { LearningSession } from '../../domain/sessions/session';
import type { SessionLinks } from '../../domain/sessions/session-links';
import { timeZoneOf } from '../../domain/sessions/session-service';
import type { Team } from '../../domain/teams/team';
import type { AdaptiveCard } from '../../cards/shared/adaptive-card';

interface JobComposerDeps {
  readonly repositories: Repositories;
  readonly links: SessionLinks;
}

/** How many recent responders get Teams' automatic refresh of the invite (with the host: at most 60). */
const RECENT_RESPONDERS = 59;

/** Idempotency keys: the same job always yields the same keys, so a retried job posts nothing twice. */
const messageKeys = {
  invite: (tenantId: string, sessionId: string) => `invite|${tenantId}|${sessionId}`,
  reminder: (tenantId: string, sessionId: string, minutesBefore: number, startsAt: string) =>
    `reminder|${tenantId}|${sessionId}|${minutesBefore}|${startsAt}`,
  feedbackRequest: (tenantId: string, sessionId: string, userId: string, startsAt: string) =>
    `feedback|${tenantId}|${sessionId}|${userId}|${startsAt}`,
  notice: (tenantId: string, sessionId: string, userId: string, reason: string, ref: string) =>
    `notify|${tenantId}|${sessionId}|${userId}|${reason}|${ref}`,
  kudos: (tenantId: string, kudosId: string) => `kudos|${tenantId}|${kudosId}`,
};

/** Outgoing messages carry plain card JSON. */
const json = (card: AdaptiveCard): OutgoingMessage['card'] => ({ ...card });

const NOTICES: readonly string[] = ['waitlistPromoted', 'sessionCancelled'] satisfies readonly PersonNotice[];

/**
 * The composer the delivery worker calls: what each job posts, read fresh from storage when the job
 * runs (so an invite update shows the latest counts), and nothing when the job has become stale.
 */
export function createJobComposer(deps: JobComposerDeps): JobComposer {
  const repos = deps.repositories;

  async function context(job: { tenantId: string; teamId: string; sessionId: string }) {
    const [team, session] = await Promise.all([
      repos.teams.get(job.tenantId, job.teamId),
      repos.sessions.get(job.tenantId, job.teamId, job.sessionId),
    ]);
    return { team, session, locale: toLocale(team?.locale), timeZone: timeZoneOf(team) };
  }

  async function personLocale(tenantId: string, userId: string, fallback: Locale): Promise<Locale> {
    const profile = await repos.members.get(tenantId, userId);
    return profile?.locale ? toLocale(profile.locale) : fallback;
  }

  async function invite(
    session: LearningSession,
    team: Team | undefined,
    locale: Locale,
    now: Date,
    mode: 'post' | 'update',
  ): Promise<OutgoingMessage[]> {
    if (!session.channelId) return [];
    const rsvps = await repos.rsvps.listForSession(session.tenantId, session.sessionId);
    const recent = rsvps
      .sort((a, b) => b.respondedAt.localeCompare(a.respondedAt))
      .slice(0, RECENT_RESPONDERS)
      .map((r) => r.userId);
    const ids = [session.hostId, ...session.teacherIds, ...(session.discussionLeaderId ? [session.discussionLeaderId] : [])];
    const profiles = await Promise.all([...new Set(ids)].map((id) => repos.members.get(session.tenantId, id)));
    const names = new Map(profiles.filter((p) => p !== undefined).map((p) => [p.userId, p.displayName]));
    const card = sessionInviteCard(
      {
        session,
        names,
        timeZone: timeZoneOf(team),
        calendarUrl: await deps.links.calendarUrl(session.tenantId, session.teamId, session.sessionId),
        recentResponders: recent,
        now,
      },
      undefined,
      locale,
    );
    return [
      {
        key: messageKeys.invite(session.tenantId, session.sessionId),
        mode,
        target: { kind: 'channel', tenantId: session.tenantId, teamId: session.teamId, channelId: session.channelId },
        card: json(card),
        summary: `${clip(session.title, 120)} — ${formatShortWhen(session.startsAt, locale, timeZoneOf(team))}`,
      },
    ];
  }

  const compose: JobComposer = async (job: OutboxJob, now: Date) => {
    switch (job.kind) {
      case 'postInvite':
      case 'updateInvite': {
        const { team, session, locale } = await context(job);
        if (!session) return [];
        // A cancelled session is never announced; its posted invite is updated to say so.
        if (job.kind === 'postInvite' && session.status === 'cancelled') return [];
        return invite(session, team, locale, now, job.kind === 'postInvite' ? 'post' : 'update');
      }
      case 'postReminder': {
        const { session, locale, timeZone } = await context(job);
        if (!session || !session.channelId || session.status === 'cancelled') return [];
        // Stale: the session moved since the reminder was planned (a new one was planned then), or it began.
        if (job.forStartsAt !== undefined && job.forStartsAt !== session.startsAt) return [];
        if (Date.parse(session.startsAt) <= now.getTime()) return [];
        return [
          {
            key: messageKeys.reminder(job.tenantId, job.sessionId, job.minutesBefore, session.startsAt),
            mode: 'post',
            target: {
              kind: 'thread',
              tenantId: job.tenantId,
              teamId: job.teamId,
              channelId: session.channelId,
              rootKey: messageKeys.invite(job.tenantId, job.sessionId),
            },
            card: json(reminderCard(session, job.minutesBefore, locale, timeZone)),
            summary: t(locale, 'sessions:reminderTitle', {
              title: clip(session.title, 120),
              when: formatShortWhen(session.startsAt, locale, timeZone),
            }),
          },
        ];
      }
      case 'requestFeedback': {
        const { session, locale, timeZone } = await context(job);
        if (!session || session.status === 'cancelled') return [];
        if (job.forStartsAt !== undefined && job.forStartsAt !== session.startsAt) return [];
        const attendees = (await repos.rsvps.listForSession(job.tenantId, job.sessionId)).filter(
          (r) => r.response === 'yes' && !r.waitlisted,
        );
        return Promise.all(
          attendees.map(async (r): Promise<OutgoingMessage> => {
            const own = await personLocale(job.tenantId, r.userId, locale);
            return {
              key: messageKeys.feedbackRequest(job.tenantId, job.sessionId, r.userId, session.startsAt),
              mode: 'post',
              target: { kind: 'person', tenantId: job.tenantId, userId: r.userId },
              card: json(feedbackCard(session, own, timeZone)),
              summary: t(own, 'sessions:feedbackTitle', { title: clip(session.title, 120) }),
            };
          }),
        );
      }
      case 'notifyPerson': {
        const { session, locale, timeZone } = await context(job);
        if (!session) return [];
        const own = await personLocale(job.tenantId, job.userId, locale);
        const target = { kind: 'person' as const, tenantId: job.tenantId, userId: job.userId };
        if (job.reason === 'feedbackSummary') {
          if (job.userId !== session.hostId) return [];
          const summary = summariseFeedback(await repos.feedback.listForSession(job.tenantId, job.sessionId));
          if (summary.responses === 0) return [];
          // One summary per number of answers: jobs of one burst compose the same key and post once.
          return [
            {
              key: messageKeys.notice(job.tenantId, job.sessionId, job.userId, job.reason, String(summary.responses)),
              mode: 'post',
              target,
              card: json(feedbackSummaryCard(session, summary, own)),
              summary: t(own, 'sessions:summaryTitle', { title: clip(session.title, 120) }),
            },
          ];
        }
        if (!NOTICES.includes(job.reason)) return [];
        const notice = job.reason as PersonNotice;
        if (notice === 'waitlistPromoted') {
          // Stale when they answered otherwise since, or the session is off.
          const rsvp = await repos.rsvps.get(job.tenantId, job.sessionId, job.userId);
          if (session.status === 'cancelled' || rsvp?.response !== 'yes' || rsvp.waitlisted) return [];
        }
        const values = { title: clip(session.title, 120), when: formatShortWhen(session.startsAt, own, timeZone) };
        return [
          {
            key: messageKeys.notice(job.tenantId, job.sessionId, job.userId, job.reason, job.ref ?? session.startsAt),
            mode: 'post',
            target,
            card: json(personNoticeCard(notice, session, own, timeZone)),
            summary: t(own, notice === 'waitlistPromoted' ? 'sessions:promotedBody' : 'sessions:cancelledBody', values),
          },
        ];
      }
      case 'postKudos': {
        const kudos = await repos.kudos.get(job.tenantId, job.teamId, job.kudosId);
        if (!kudos?.channelId) return [];
        const [team, from, to, session] = await Promise.all([
          repos.teams.get(job.tenantId, job.teamId),
          repos.members.get(job.tenantId, kudos.fromUserId),
          repos.members.get(job.tenantId, kudos.toUserId),
          kudos.sessionId ? repos.sessions.get(job.tenantId, job.teamId, kudos.sessionId) : Promise.resolve(undefined),
        ]);
        const locale = toLocale(team?.locale);
        const toName = to?.displayName ?? '—';
        return [
          {
            key: messageKeys.kudos(job.tenantId, job.kudosId),
            mode: 'post',
            target: { kind: 'channel', tenantId: job.tenantId, teamId: job.teamId, channelId: kudos.channelId },
            card: json(
              kudosCard({ kudos, fromName: from?.displayName ?? '—', toName, ...(session ? { sessionTitle: session.title } : {}) }, locale),
            ),
            summary: t(locale, 'sessions:kudosTitle', { to: toName }),
          },
        ];
      }
    }
  };
  return compose;
}
