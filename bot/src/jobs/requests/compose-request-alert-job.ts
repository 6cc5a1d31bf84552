import { requestAlertCard, requestAlertSummary } from '../../cards/requests/request-alert-card';
import type { OutboxJob, OutgoingMessage } from '../../domain/delivery/outbox';
import type { RequestAlerts } from '../../domain/requests/request-alerts';

export interface RequestAlertComposerDeps {
  /** Who hears about the request (claimed for the day when the job runs). */
  readonly requestAlerts: Pick<RequestAlerts, 'content'>;
}

type AlertJob = Extract<OutboxJob, { readonly kind: 'alertTeachers' }>;

/** One key per person per day: even a second request that slipped past the claim posts nothing twice. */
const alertKey = (tenantId: string, userId: string, day: string) => `requestAlert|${tenantId}|${userId}|${day}`;

/** A new learning request: one personal card to each person who teaches its skill, in their language (issue #12). */
export async function composeRequestAlertJob(deps: RequestAlertComposerDeps, job: AlertJob): Promise<OutgoingMessage[]> {
  const content = await deps.requestAlerts.content(job);
  if (!content) return [];
  const { request, team, day } = content;
  return content.recipients.map(({ userId, locale }) => ({
    key: alertKey(job.tenantId, userId, day),
    mode: 'post',
    target: { kind: 'person', tenantId: job.tenantId, userId },
    card: { ...requestAlertCard({ request, teamName: team?.name ?? '' }, locale) },
    summary: requestAlertSummary(request, locale),
  }));
}
