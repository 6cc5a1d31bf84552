import type { InvokeResponse, TurnContext } from 'botbuilder';
import type { CommandId, ParsedCommand } from '../domain/commands';
import type { Locale } from '../domain/person';
import type { MessagingExtensionCommandId } from '../domain/messaging-extension-commands';

/** A text command's handler: activity in → domain call → message or card out. */
export type CommandHandler = (context: TurnContext, command: ParsedCommand, locale: Locale) => Promise<void>;

/** Every invoke the bot answers, by its `activity.name`. The answer is the HTTP response Teams waits for. */
export const INVOKE_NAMES = [
  'adaptiveCard/action',
  'composeExtension/query',
  'composeExtension/fetchTask',
  'composeExtension/submitAction',
  'composeExtension/selectItem',
  'task/fetch',
  'task/submit',
] as const;
export type InvokeName = (typeof INVOKE_NAMES)[number];

export type InvokeHandler = (context: TurnContext) => Promise<InvokeResponse>;

/**
 * One feature's share of the bot (help, sessions, experts…). Features never import each other;
 * `bot-endpoint.ts` lists them, and the bot dispatches through the merged maps.
 */
export interface BotFeature {
  readonly commands?: Partial<Record<Exclude<CommandId, 'unknown'>, CommandHandler>>;
  readonly invokes?: Partial<Record<InvokeName, InvokeHandler>>;
  /**
   * `adaptiveCard/action` verbs this feature answers itself (e.g. the profile card's `saveProfile`).
   * Checked before `invokes['adaptiveCard/action']`, which keeps every other verb as before.
   */
  readonly cardVerbs?: Readonly<Record<string, InvokeHandler>>;
  /**
   * Messaging-extension action commands this feature answers itself (e.g. `shareTip`): the dialog's
   * `composeExtension/fetchTask` and `composeExtension/submitAction`, picked by `value.commandId`.
   * Checked before `invokes`, which keep every other command as before.
   */
  readonly actionCommands?: Partial<Record<MessagingExtensionCommandId, ActionCommandHandlers>>;
}

/** The `verb` of an `adaptiveCard/action` invoke's `value.action`, when it is a short text. */
export function cardVerbOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const action: unknown = (value as { action?: unknown }).action;
  if (typeof action !== 'object' || action === null) return undefined;
  const verb: unknown = (action as { verb?: unknown }).verb;
  return typeof verb === 'string' && verb.length <= 100 ? verb : undefined;
}

export interface ActionCommandHandlers {
  readonly fetchTask: InvokeHandler;
  readonly submitAction: InvokeHandler;
}

/** The `commandId` of a messaging-extension invoke, when it is a short text. */
export function commandIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id: unknown = (value as { commandId?: unknown }).commandId;
  return typeof id === 'string' && id.length <= 100 ? id : undefined;
}

export function isInvokeName(name: string | undefined): name is InvokeName {
  return (INVOKE_NAMES as readonly string[]).includes(name ?? '');
}

export const invokeResponse = <T>(body: T, status = 200): InvokeResponse => ({ status, body });
