import type { InvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { pulseCard } from '../../cards/insights/pulse-card';
import { t } from '../../cards/shared/i18n';
import type { PulseServices } from '../../domain/insights/pulse-service';
import { PULSE_QUESTIONS } from '../../domain/insights/pulse';
import type { CardVerb } from '../../domain/shared/card-verbs';
import { toLocale } from '../../domain/shared/person';
import type { InsightsFailure } from '../../domain/shared/result';
import type { InvokeHandler } from '../shared/bot-feature';
import { cardActionOf } from '../shared/bot-feature';
import { failureAnswer } from '../shared/failure-answer';
import { personOf } from '../shared/identity';
import { cardResponse, messageResponse } from '../shared/invoke-responses';

type PulseVerb = Extract<CardVerb, 'pulseAnswer'>;

/** The card's own data: which team and pulse; the scores are the card's inputs, checked by the service. */
const pulseRef = z.object({
  teamId: z.string().regex(/^[A-Za-z0-9~._:@-]{1,200}$/),
  pulseId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
});

/** A refusal the person can fix on the same card (a missing or bad score) keeps its inputs. */
const mayRetry = (failure: InsightsFailure): boolean => failure.kind === 'invalid';

/**
 * `pulseAnswer`: a member's three scores, from the invoke's sender (never the card's data), to
 * PulseService. The answer is the same card in place: "thanks", or a friendly refusal in the person's
 * language (already answered, closed, a score outside 1–5), never an error.
 */
export function pulseCardVerbs(pulses: PulseServices): Readonly<Record<PulseVerb, InvokeHandler>> {
  return {
    async pulseAnswer(context: TurnContext): Promise<InvokeResponse> {
      const locale = toLocale(context.activity.locale);
      const person = personOf(context.activity);
      if (!person) return messageResponse(t(locale, 'insights:pulseNoPerson'));
      const data = cardActionOf(context.activity.value).data;
      const ref = pulseRef.safeParse(data);
      if (!ref.success) return messageResponse(t(locale, 'insights:pulseBadCard'));
      const actor = { tenantId: person.tenantId, userId: person.userId };
      const { teamId, pulseId } = ref.data;
      const answers = Object.fromEntries(PULSE_QUESTIONS.map((q) => [q, data[q]]));
      const answered = await pulses.answer(actor, teamId, pulseId, answers);
      const view = await pulses.view(actor, teamId, pulseId);
      if (!view.ok) return messageResponse(failureAnswer(answered.ok ? view.failure : answered.failure, locale));
      const { results, timeZone } = view.value;
      if (answered.ok) return cardResponse(pulseCard({ teamId, results, timeZone, notice: { kind: 'thanks' } }, locale));
      const text = failureAnswer(answered.failure, locale);
      return cardResponse(
        pulseCard({ teamId, results, timeZone, notice: { kind: 'failed', text, retry: mayRetry(answered.failure) } }, locale),
      );
    },
  };
}
