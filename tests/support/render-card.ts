import * as AC from 'adaptivecards';
import type { AdaptiveCard as CardJson } from '../../bot/src/cards/shared/adaptive-card';
import { renderCardMarkdown } from './card-markdown';

// TextBlocks and Facts go through Markdown as in Teams (tests/support/card-markdown.ts): a forged link or emphasis
// in user text shows up as an element, and escaped text reads as typed.
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = renderCardMarkdown(text);
  result.didProcess = true;
};

export interface RenderedCard {
  readonly errors: readonly string[];
  readonly element: HTMLElement | undefined;
  readonly text: string;
  readonly bytes: number;
}

/** Parses, validates and renders a card with the official `adaptivecards` renderer. */
export function renderCard(json: CardJson): RenderedCard {
  const serialized = JSON.stringify(json);
  const errors: string[] = [];
  const context = new AC.SerializationContext();
  const card = new AC.AdaptiveCard();
  card.parse(JSON.parse(serialized), context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    errors.push(`parse: ${event.message}`);
  }
  const validation = card.validateProperties();
  for (const event of validation.validationEvents) errors.push(`validate: ${event.message}`);
  const element = card.render();
  return {
    errors,
    element,
    text: element?.textContent ?? '',
    bytes: Buffer.byteLength(serialized, 'utf8'),
  };
}
