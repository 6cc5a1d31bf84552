import type { PulseServices } from '../../domain/insights/pulse-service';
import type { BotFeature } from '../shared/bot-feature';
import { pulseCardVerbs } from './pulse-verbs';

interface InsightsFeatureDeps {
  readonly services: { readonly pulses: PulseServices };
}

/** Insights in the bot (DESIGN F10, F5): the pulse card's answers. */
export function insightsFeature(deps: InsightsFeatureDeps) {
  return { cardVerbs: pulseCardVerbs(deps.services.pulses) } satisfies BotFeature;
}
