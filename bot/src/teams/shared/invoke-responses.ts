import type { InvokeResponse, MessagingExtensionAttachment } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/shared/adaptive-card';
import { cardAttachment } from './card-message';

/**
 * Every answer the bot gives to an invoke, by the Teams contract it follows. An invoke's answer is the
 * HTTP response Teams waits for; Universal Actions and dialogs carry their own kind inside the body.
 */
const invokeResponse = <T>(body: T, status = 200): InvokeResponse<T> => ({ status, body });

// Universal Actions (`adaptiveCard/action`).

/** The card that replaces the one the person pressed. */
export const cardResponse = (card: AdaptiveCard) =>
  invokeResponse({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });

/** A short text Teams shows; the card stays as it is. */
export const messageResponse = (text: string) =>
  invokeResponse({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text });

/** Teams shows the message as an error toast; the card stays. 400: the request cannot be answered as sent. */
export const errorResponse = (statusCode: 400 | 500, code: string, message: string) =>
  invokeResponse({ statusCode, type: 'application/vnd.microsoft.error', value: { code, message } });

// Dialogs (task modules): `task/fetch`, `task/submit`, and a messaging extension's fetchTask and submitAction.

/** Show this card in the dialog (open it, or keep it open with the form again). */
export const dialogCard = (card: AdaptiveCard, title: string) =>
  invokeResponse({ task: { type: 'continue', value: { card: cardAttachment(card), title, height: 'large', width: 'medium' } } });

/** Close the form and show this text in the dialog. */
export const dialogMessage = (text: string) => invokeResponse({ task: { type: 'message', value: text } });

// Messaging extension (`composeExtension/*`).

/** Results in the compose box: a list to pick from, or the one card to insert. */
export const composeResult = (attachments: readonly MessagingExtensionAttachment[]) =>
  invokeResponse({ composeExtension: { type: 'result', attachmentLayout: 'list', attachments } });

/** A text in the messaging extension's pane instead of results. */
export const composeMessage = (text: string) => invokeResponse({ composeExtension: { type: 'message', text } });

// Any other invoke.

/** An invoke that could not be served for now (storage): HTTP 503 with the reason, never a bare 500. */
export const unavailableResponse = (message: string) =>
  invokeResponse({ statusCode: 503, type: 'application/vnd.microsoft.error', value: { code: 'ServiceUnavailable', message } }, 503);

/** An invoke the bot has no answer for: HTTP 501 with the reason, never a throw. */
export const notImplementedResponse = (message: string) =>
  invokeResponse({ statusCode: 501, type: 'application/vnd.microsoft.error', value: { code: 'NotImplemented', message } }, 501);
