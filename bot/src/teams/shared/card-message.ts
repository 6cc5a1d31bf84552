import { CardFactory, MessageFactory } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/shared/adaptive-card';

/** A message that carries one Adaptive Card. */
export const cardMessage = (card: AdaptiveCard) => MessageFactory.attachment(CardFactory.adaptiveCard(card));

export const cardAttachment = (card: AdaptiveCard) => CardFactory.adaptiveCard(card);
