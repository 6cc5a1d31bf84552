import { appliedFollowUpCard } from '../../cards/sessions/applied-card';
import { feedbackCard, feedbackSummaryCard } from '../../cards/sessions/feedback-cards';
import { kudosCard } from '../../cards/kudos/kudos-card';
import { namedNoticeCard, personNoticeCard, reminderCard, roleDeclinedCard } from '../../cards/sessions/session-notice-cards';
import type { PersonNotice } from '../../cards/sessions/session-notice-cards';
import { sessionInviteCard } from '../../cards/sessions/session-invite-card';
import { formatShortWhen } from '../../cards/sessions/session-text';
import { clip } from '../../cards/shared/user-text';
import { t } from '../../cards/shared/i18n';
import { composeBuddyJob } from '../buddies/compose-buddy-jobs';
import type { BuddyComposerDeps } from '../buddies/compose-buddy-jobs';
import { composeNudgeJob } from '../insights/compose-nudge-job';
import type { NudgeComposerDeps } from '../insights/compose-nudge-job';
import { composePulseJob } from '../insights/compose-pulse-job';
import type { PulseComposerDeps } from '../insights/compose-pulse-job';
import { composeInsightsJob } from '../insights/compose-insights-jobs';
import { composeRequestJob } from '../requests/compose-request-jobs';
import { composeMilestones } from '../milestones/compose-milestone-job';
import type { RequestComposerDeps } from '../requests/compose-request-jobs';
import { composeRequestAlertJob } from '../requests/compose-request-alert-job';
import type { RequestAlertComposerDeps } from '../requests/compose-request-alert-job';
import type { InsightsComposerDeps } from '../insights/compose-insights-jobs';
import type { JobComposer, OutboxJob, OutgoingMessage } from '../../domain/delivery/outbox';
import type { PostContentService } from '../../domain/delivery/post-content-service';
import type { SessionLinks } from '../../domain/sessions/session-links';
import type { AdaptiveCard } from '../../cards/shared/adaptive-card';
import { NAMED_NOTICE } from '../../domain/sessions/session-changes';
import { APPLIED_FOLLOW_UP } from '../../domain/sessions/session-feedback-service';
import type { FeedbackSummary } from '../../domain/sessions/feedback-summary';
import { sessionEndsAt } from '../../domain/sessions/session';
import type { NamedRole } from '../../domain/sessions/session';

interface JobComposerDeps
  extends BuddyComposerDeps, NudgeComposerDeps, InsightsComposerDeps, PulseComposerDeps, RequestComposerDeps, RequestAlertComposerDeps {
  readonly content: PostContentService;
  readonly links: SessionLinks;
}

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

/** One summary per state of the answers: a new answer, or a follow-up's, makes a new key (and post); a burst of jobs posts once. */
function summaryRef(summary: FeedbackSummary): string {
  const a = summary.applied;
  if (!a || a.yes + a.partly + a.notYet === 0) return String(summary.responses);
  return `${summary.responses}|applied-${a.yes}-${a.partly}-${a.notYet}-${a.notes.length}`;
}

/** Outgoing messages carry plain card JSON. */
const json = (card: AdaptiveCard): OutgoingMessage['card'] => ({ ...card });

const NOTICES: readonly string[] = ['waitlistPromoted', 'sessionCancelled'] satisfies readonly PersonNotice[];

/** The notice reasons for someone the host named (domain/sessions/session-changes.ts), by role. */
const NAMED_ROLES: Readonly<Record<string, NamedRole>> = Object.fromEntries(
  Object.entries(NAMED_NOTICE).map(([role, reason]) => [reason, role as NamedRole]),
);

/**
 * The composer the delivery worker calls: each job's content as the domain reads it when the job
 * runs (nothing when the job has become stale), as the messages and cards it posts.
 */
export function createJobComposer(deps: JobComposerDeps): JobComposer {
  const { content } = deps;

  const compose: JobComposer = async (job: OutboxJob, now: Date) => {
    switch (job.kind) {
      case 'postInvite':
      case 'updateInvite': {
        const mode = job.kind === 'postInvite' ? 'post' : 'update';
        const found = await content.invite(job, mode);
        if (!found) return [];
        const { session, locale, timeZone, channelId } = found;
        const card = sessionInviteCard(
          {
            session,
            names: found.names,
            timeZone,
            calendarUrl: await deps.links.calendarUrl(session.tenantId, session.teamId, session.sessionId),
            recentResponders: found.recentResponders,
            now,
          },
          undefined,
          locale,
        );
        return [
          {
            key: messageKeys.invite(session.tenantId, session.sessionId),
            mode,
            target: { kind: 'channel', tenantId: session.tenantId, teamId: session.teamId, channelId },
            card: json(card),
            summary: `${clip(session.title, 120)} — ${formatShortWhen(session.startsAt, locale, timeZone)}`,
            // Updates and reminder threads find the card through its record until the session is over.
            keepUntil: sessionEndsAt(session).toISOString(),
          },
        ];
      }
      case 'postReminder': {
        const found = await content.reminder(job, now);
        if (!found) return [];
        const { session, locale, timeZone, channelId } = found;
        return [
          {
            key: messageKeys.reminder(job.tenantId, job.sessionId, job.minutesBefore, session.startsAt),
            mode: 'post',
            target: {
              kind: 'thread',
              tenantId: job.tenantId,
              teamId: job.teamId,
              channelId,
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
        const found = await content.feedbackRequests(job);
        if (!found) return [];
        const { session, timeZone } = found;
        return found.attendees.map((reader): OutgoingMessage => ({
          key: messageKeys.feedbackRequest(job.tenantId, job.sessionId, reader.userId, session.startsAt),
          mode: 'post',
          target: { kind: 'person', tenantId: job.tenantId, userId: reader.userId },
          card: json(feedbackCard(session, reader.locale, timeZone)),
          summary: t(reader.locale, 'sessions:feedbackTitle', { title: clip(session.title, 120) }),
        }));
      }
      case 'notifyPerson': {
        const target = { kind: 'person' as const, tenantId: job.tenantId, userId: job.userId };
        if (job.reason === 'feedbackSummary') {
          const found = await content.feedbackSummary(job);
          if (!found) return [];
          const { session, summary } = found;
          const own = found.reader.locale;
          // One summary per number of answers: jobs of one burst compose the same key and post once.
          return [
            {
              key: messageKeys.notice(job.tenantId, job.sessionId, job.userId, job.reason, summaryRef(summary)),
              mode: 'post',
              target,
              card: json(feedbackSummaryCard(session, summary, own)),
              summary: t(own, 'sessions:summaryTitle', { title: clip(session.title, 120) }),
            },
          ];
        }
        if (job.reason === APPLIED_FOLLOW_UP) {
          // `ref` is the start it was asked for: the session moved since, it is stale (a new one is asked then).
          const found = await content.appliedFollowUp({ ...job, ...(job.ref ? { forStartsAt: job.ref } : {}) });
          if (!found) return [];
          const { session, feedback, timeZone } = found;
          const own = found.reader.locale;
          return [
            {
              key: messageKeys.notice(job.tenantId, job.sessionId, job.userId, job.reason, session.startsAt),
              mode: 'post',
              target,
              card: json(appliedFollowUpCard(session, feedback, own, timeZone)),
              summary: t(own, 'applied:title', { title: clip(session.title, 120) }),
            },
          ];
        }
        const key = messageKeys.notice(job.tenantId, job.sessionId, job.userId, job.reason, job.ref ?? '');
        const role = Object.hasOwn(NAMED_ROLES, job.reason) ? NAMED_ROLES[job.reason] : undefined;
        if (role) {
          const found = await content.namedNotice({ ...job, role }, now);
          if (!found) return [];
          const { session, timeZone, hostName } = found;
          const own = found.reader.locale;
          const card = namedNoticeCard({ session, role, hostName }, own, timeZone);
          const summary = t(own, role === 'teacher' ? 'sessions:namedTeacherTitle' : 'sessions:namedLeaderTitle', {
            host: hostName === undefined ? t(own, 'sessions:namedSomeone') : clip(hostName, 80),
            title: clip(session.title, 120),
            when: formatShortWhen(session.startsAt, own, timeZone),
          });
          return [{ key, mode: 'post', target, card: json(card), summary }];
        }
        if (job.reason === 'roleDeclined') {
          if (!job.aboutUserId) return [];
          const found = await content.roleDeclined({ ...job, aboutUserId: job.aboutUserId });
          if (!found) return [];
          const { session, declinedBy } = found;
          const own = found.reader.locale;
          const card = roleDeclinedCard(session, declinedBy, own, found.timeZone);
          const name = declinedBy === undefined ? t(own, 'sessions:declinedSomeone') : clip(declinedBy, 80);
          return [
            {
              key,
              mode: 'post',
              target,
              card: json(card),
              summary: t(own, 'sessions:declinedTitle', { name, title: clip(session.title, 120) }),
            },
          ];
        }
        if (!NOTICES.includes(job.reason)) return [];
        const notice = job.reason as PersonNotice;
        const found = await content.personNotice({ ...job, promoted: notice === 'waitlistPromoted' });
        if (!found) return [];
        const { session, timeZone } = found;
        const own = found.reader.locale;
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
        const found = await content.kudos(job.tenantId, job.teamId, job.kudosId);
        if (!found) return [];
        const { kudos, locale } = found;
        const toName = found.toName ?? '—';
        return [
          {
            key: messageKeys.kudos(job.tenantId, job.kudosId),
            mode: 'post',
            target: { kind: 'channel', tenantId: job.tenantId, teamId: job.teamId, channelId: found.channelId },
            card: json(
              kudosCard(
                {
                  kudos,
                  fromName: found.fromName ?? '—',
                  toName,
                  ...(found.sessionTitle !== undefined ? { sessionTitle: found.sessionTitle } : {}),
                },
                locale,
              ),
            ),
            summary: t(locale, 'sessions:kudosTitle', { to: toName }),
          },
        ];
      }
      // Learning buddies (issue #13): an introduction, then "did you meet?", to each person paired.
      case 'startBuddyRound':
      case 'askBuddiesMet':
        return composeBuddyJob(deps, job, now);
      case 'foldInsights':
        return composeInsightsJob(deps, job);
      case 'postPulse':
        return composePulseJob(deps, job);
      // The owners' nudge to a quiet member (issue #14): a personal card with upcoming sessions.
      case 'nudgeMember':
        return composeNudgeJob(deps, job);
      // Learning requests (issue #12): the askers hear a session was planned for them, or cancelled.
      case 'notifyAskers':
        return composeRequestJob(deps, job, now);
      // Milestones (issue #12): a kudos stored may make its receiver reach one; a card in the team's channel.
      case 'celebrateMilestones':
        return composeMilestones(deps, { tenantId: job.tenantId, teamId: job.teamId, source: 'kudos', kudosId: job.kudosId });
      // Learning requests (issue #12): the people who teach the skill hear about a new request, once a day at most.
      case 'alertTeachers':
        return composeRequestAlertJob(deps, job);
    }
  };
  return compose;
}
