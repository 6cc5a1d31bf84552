import { milestoneCard, milestoneSummary } from '../../cards/milestones/milestone-card';
import type { OutgoingMessage } from '../../domain/delivery/outbox';
import type { MilestoneService, MilestoneTrigger } from '../../domain/milestones/milestone-service';

export interface MilestoneComposerDeps {
  /** Claims the milestones a stored fact reached; absent: none are celebrated. */
  readonly milestones?: Pick<MilestoneService, 'celebrate'>;
}

/** One card per (team, person, milestone), whichever job composes it: a retried or second job posts nothing twice. */
const milestoneMessageKey = (tenantId: string, teamId: string, userId: string, milestone: string): string =>
  `milestone|${tenantId}|${teamId}|${userId}|${milestone}`;

/** The milestone cards a trigger made due, each into the team's channel in the team's language. */
export async function composeMilestones(deps: MilestoneComposerDeps, trigger: MilestoneTrigger): Promise<OutgoingMessage[]> {
  if (!deps.milestones) return [];
  const due = await deps.milestones.celebrate(trigger);
  return due.map(({ claim, displayName, locale, channelId }) => {
    const view = { milestone: claim.milestone, displayName };
    return {
      key: milestoneMessageKey(claim.tenantId, claim.teamId, claim.userId, claim.milestone),
      mode: 'post',
      target: { kind: 'channel', tenantId: claim.tenantId, teamId: claim.teamId, channelId },
      card: { ...milestoneCard(view, locale) },
      summary: milestoneSummary(view, locale),
    };
  });
}
