import { pulseCard, pulseSummary } from '../../cards/insights/pulse-card';
import type { PulseServices } from '../../domain/insights/pulse-service';
import type { OutboxJob, OutgoingMessage } from '../../domain/delivery/outbox';

export interface PulseComposerDeps {
  /** What the `postPulse` job reads when it runs (the counts as they are then). */
  readonly pulses: Pick<PulseServices, 'toPost'>;
}

type PulseJob = Extract<OutboxJob, { readonly kind: 'postPulse' }>;

/** One card per pulse: the post and every update share its key, so an update replaces the posted card in place. */
export const pulseMessageKey = (tenantId: string, pulseId: string): string => `pulse|${tenantId}|${pulseId}`;

/** How long the delivery record must last: updates come until the pulse closes (and a little after, for the last ones). */
const KEEP_AFTER_CLOSE_MS = 86_400_000;

/** The pulse card in its channel (`post`), or the same card with the live count (`update`). Nothing when the pulse is gone. */
export async function composePulseJob(deps: PulseComposerDeps, job: PulseJob): Promise<OutgoingMessage[]> {
  const found = await deps.pulses.toPost(job.tenantId, job.teamId, job.pulseId);
  if (!found) return [];
  const { results, locale, timeZone } = found;
  return [
    {
      key: pulseMessageKey(found.tenantId, results.pulseId),
      mode: job.mode,
      target: { kind: 'channel', tenantId: found.tenantId, teamId: found.teamId, channelId: found.channelId },
      card: { ...pulseCard({ teamId: found.teamId, results, timeZone }, locale) },
      summary: pulseSummary(locale),
      keepUntil: new Date(Date.parse(results.closesAt) + KEEP_AFTER_CLOSE_MS).toISOString(),
    },
  ];
}
