import type { InvokeResponse, TurnContext } from 'botbuilder';
import type { CardVerb, DialogOpenVerb, DialogSubmitVerb } from '../../domain/shared/card-verbs';
import type { CommandId, ParsedCommand } from '../../domain/shared/commands';
import type { Locale } from '../../domain/shared/person';
import type { ActionCommandId, MessagingExtensionCommandId, SearchCommandId } from '../../domain/shared/messaging-extension-commands';

/** A text command's handler: activity in → domain call → message or card out. */
export type CommandHandler = (context: TurnContext, command: ParsedCommand, locale: Locale) => Promise<void>;

/** The text commands a handler answers; `unknown` is the dispatcher's own answer. */
export type TextCommandId = Exclude<CommandId, 'unknown'>;

/** An invoke's handler. The answer is the HTTP response Teams waits for (see invoke-responses.ts). */
export type InvokeHandler = (context: TurnContext) => Promise<InvokeResponse>;

/** The four messaging-extension invokes, by the last part of their `activity.name` (`composeExtension/query`…). */
type MessagingExtensionInvoke = 'query' | 'selectItem' | 'fetchTask' | 'submitAction';

/**
 * One feature's share of the bot (help, sessions, experts…), as typed tables. Features never import
 * each other; `bot-endpoint.ts` merges their tables into one `BotRoutes`, where a missing handler is a type error.
 */
export interface BotFeature {
  readonly commands?: Partial<Record<TextCommandId, CommandHandler>>;
  /** `adaptiveCard/action`, by the pressed action's verb. */
  readonly cardVerbs?: Partial<Record<CardVerb, InvokeHandler>>;
  /** `composeExtension/*`, by the invoke and the manifest's `commandId`. */
  readonly messagingExtension?: { readonly [I in MessagingExtensionInvoke]?: Partial<Record<MessagingExtensionCommandId, InvokeHandler>> };
  /** The bot's own dialogs (`task/fetch`, `task/submit`), by the `verb` in the submitted data. */
  readonly dialogs?: {
    readonly fetch?: Partial<Record<DialogOpenVerb, InvokeHandler>>;
    readonly submit?: Partial<Record<DialogSubmitVerb, InvokeHandler>>;
  };
}

/** Everything the bot answers: one table per kind of activity, each complete for its keys. */
export interface BotRoutes {
  readonly commands: Readonly<Record<TextCommandId, CommandHandler>>;
  readonly cardVerbs: Readonly<Record<CardVerb, InvokeHandler>>;
  readonly messagingExtension: {
    readonly query: Readonly<Record<SearchCommandId, InvokeHandler>>;
    readonly selectItem: Readonly<Record<SearchCommandId, InvokeHandler>>;
    readonly fetchTask: Readonly<Record<ActionCommandId, InvokeHandler>>;
    readonly submitAction: Readonly<Record<ActionCommandId, InvokeHandler>>;
  };
  readonly dialogs: {
    readonly fetch: Readonly<Record<DialogOpenVerb, InvokeHandler>>;
    readonly submit: Readonly<Record<DialogSubmitVerb, InvokeHandler>>;
  };
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `action` of an `adaptiveCard/action` invoke: its verb (unchecked) and its data (Teams merges the card's inputs into it). */
export function cardActionOf(value: unknown): { readonly verb: unknown; readonly data: Readonly<Record<string, unknown>> } {
  const action = isRecord(value) ? value.action : undefined;
  if (!isRecord(action)) return { verb: undefined, data: {} };
  return { verb: action.verb, data: isRecord(action.data) ? action.data : {} };
}

/** The `data` of a dialog's submit or opener (`task/*`, `composeExtension/submitAction`). */
export function dialogDataOf(value: unknown): Readonly<Record<string, unknown>> {
  const data = isRecord(value) ? value.data : undefined;
  return isRecord(data) ? data : {};
}

/** The `commandId` of a messaging-extension invoke; for `selectItem`, the one the result's tap value carries. */
export function commandIdOf(value: unknown): unknown {
  return isRecord(value) ? value.commandId : undefined;
}
