import { nudgeCard, nudgeSummary } from '../../cards/insights/nudge-card';
import type { NudgeService } from '../../domain/insights/nudge-service';
import type { OutboxJob, OutgoingMessage } from '../../domain/delivery/outbox';

export interface NudgeComposerDeps {
  /** What the nudge card shows, read when the job runs. */
  readonly nudges: Pick<NudgeService, 'content'>;
  /** The tab's My learning view (the card's "Open PeerLearn"). */
  readonly tabUrl: string | (() => string);
}

type NudgeJob = Extract<OutboxJob, { readonly kind: 'nudgeMember' }>;

/** One card per nudge: a retried job (or one leased again after a crash) composes the same key and posts once. */
const nudgeKey = (job: NudgeJob) => `nudge|${job.tenantId}|${job.teamId}|${job.userId}|${job.nudgedAt}`;

/** The owners' nudge: a personal card to the member, or nothing when there is no upcoming session to suggest or they left. */
export async function composeNudgeJob(deps: NudgeComposerDeps, job: NudgeJob): Promise<OutgoingMessage[]> {
  const content = await deps.nudges.content(job);
  if (!content) return [];
  const tabUrl = typeof deps.tabUrl === 'string' ? deps.tabUrl : deps.tabUrl();
  return [
    {
      key: nudgeKey(job),
      mode: 'post',
      target: { kind: 'person', tenantId: job.tenantId, userId: job.userId },
      card: { ...nudgeCard(content, tabUrl) },
      summary: nudgeSummary(content),
    },
  ];
}
