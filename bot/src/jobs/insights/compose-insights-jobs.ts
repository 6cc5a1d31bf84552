import type { InsightsJobs } from '../../domain/insights/insights-service-contract';
import type { OutboxJob, OutgoingMessage } from '../../domain/delivery/outbox';
import { composeMilestones } from '../milestones/compose-milestone-job';
import type { MilestoneComposerDeps } from '../milestones/compose-milestone-job';

export interface InsightsComposerDeps extends MilestoneComposerDeps {
  /** Brings a session's fact and its week and month up to date. */
  readonly insights: InsightsJobs;
}

type FoldJob = Extract<OutboxJob, { readonly kind: 'foldInsights' }>;

/**
 * `foldInsights` recomputes the session's fact from what is stored (idempotent, so a retry or a
 * second job is harmless); its only posts are the milestones the held session made someone reach.
 */
export async function composeInsightsJob(deps: InsightsComposerDeps, job: FoldJob): Promise<OutgoingMessage[]> {
  await deps.insights.foldSession(job.tenantId, job.teamId, job.sessionId);
  return composeMilestones(deps, { tenantId: job.tenantId, teamId: job.teamId, source: 'session', sessionId: job.sessionId });
}
