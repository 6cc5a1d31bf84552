import type { InsightsJobs } from '../../domain/insights/insights-service-contract';
import type { OutboxJob, OutgoingMessage } from '../../domain/delivery/outbox';

export interface InsightsComposerDeps {
  /** Brings a session's fact and its week and month up to date. */
  readonly insights: InsightsJobs;
}

type FoldJob = Extract<OutboxJob, { readonly kind: 'foldInsights' }>;

/** `foldInsights` posts nothing: it recomputes the session's fact from what is stored (idempotent, so a retry or a second job is harmless). */
export async function composeInsightsJob(deps: InsightsComposerDeps, job: FoldJob): Promise<OutgoingMessage[]> {
  await deps.insights.foldSession(job.tenantId, job.teamId, job.sessionId);
  return [];
}
