import { personNoticeCard } from '../../cards/sessions/session-notice-cards';
import { requestPlannedCard, requestPlannedSummary } from '../../cards/requests/request-planned-card';
import { formatShortWhen } from '../../cards/sessions/session-text';
import { t } from '../../cards/shared/i18n';
import { clip } from '../../cards/shared/user-text';
import type { OutboxJob, OutgoingMessage } from '../../domain/delivery/outbox';
import type { RequestSessions } from '../../domain/requests/request-sessions';
import type { SessionLinks } from '../../domain/sessions/session-links';
import { timeZoneOf } from '../../domain/sessions/session-service';

export interface RequestComposerDeps {
  /** Who asked and what to show them, read when the job runs. */
  readonly requestSessions: Pick<RequestSessions, 'askersContent'>;
  readonly links: SessionLinks;
}

type AskersJob = Extract<OutboxJob, { readonly kind: 'notifyAskers' }>;

/**
 * Idempotency keys. The cancelled notice shares the key of the one the cancel path sends to those who
 * answered yes or maybe (compose-job's `notice`), so someone who asked and answered hears it once.
 */
const keys = {
  planned: (job: AskersJob, userId: string) => `requestPlanned|${job.tenantId}|${job.requestId}|${job.sessionId}|${userId}`,
  cancelled: (job: AskersJob, userId: string, startsAt: string) =>
    `notify|${job.tenantId}|${job.sessionId}|${userId}|sessionCancelled|${startsAt}`,
};

/** One personal message per asker (issue #12), each in their own language; nothing when the job went stale. */
export async function composeRequestJob(deps: RequestComposerDeps, job: AskersJob, now: Date): Promise<OutgoingMessage[]> {
  const content = await deps.requestSessions.askersContent(job);
  if (!content) return [];
  const { session, request } = content;
  const timeZone = timeZoneOf(content.team);
  const calendarUrl = job.event === 'planned' ? await deps.links.calendarUrl(session.tenantId, session.teamId, session.sessionId) : '';
  return content.askers.map(({ userId, locale }): OutgoingMessage => {
    const target = { kind: 'person' as const, tenantId: job.tenantId, userId };
    if (job.event === 'cancelled') {
      const values = { title: clip(session.title, 120), when: formatShortWhen(session.startsAt, locale, timeZone) };
      return {
        key: keys.cancelled(job, userId, session.startsAt),
        mode: 'post',
        target,
        card: { ...personNoticeCard('sessionCancelled', session, locale, timeZone) },
        summary: t(locale, 'sessions:cancelledBody', values),
      };
    }
    const view = {
      session,
      names: content.names,
      timeZone,
      calendarUrl,
      recentResponders: [],
      now,
      skill: request.skill,
      plannerName: content.plannerName,
    };
    return {
      key: keys.planned(job, userId),
      mode: 'post',
      target,
      card: { ...requestPlannedCard(view, locale) },
      summary: requestPlannedSummary(view, locale),
    };
  });
}
