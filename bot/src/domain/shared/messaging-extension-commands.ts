/**
 * The messaging extension's command ids (DESIGN.md, Teams contract): `composeExtensions[0].commands[].id`
 * in manifest/manifest.json. Invokes arrive with one of these as `commandId`; the manifest test keeps both in step.
 */
export const MESSAGING_EXTENSION_COMMAND_IDS = ['findExpert', 'planSession', 'shareTip', 'findSession'] as const;
export type MessagingExtensionCommandId = (typeof MESSAGING_EXTENSION_COMMAND_IDS)[number];

/** findExpert and findSession are searches (query); the others open a dialog (action with fetchTask). */
export const MESSAGING_EXTENSION_COMMAND_TYPES = {
  findExpert: 'query',
  planSession: 'action',
  shareTip: 'action',
  findSession: 'query',
} as const satisfies Readonly<Record<MessagingExtensionCommandId, 'query' | 'action'>>;

type CommandsOfType<T extends 'query' | 'action'> = {
  [K in MessagingExtensionCommandId]: (typeof MESSAGING_EXTENSION_COMMAND_TYPES)[K] extends T ? K : never;
}[MessagingExtensionCommandId];

/** Search commands: Teams sends `composeExtension/query`, and `composeExtension/selectItem` when a result is picked. */
export type SearchCommandId = CommandsOfType<'query'>;
/** Action commands: Teams sends `composeExtension/fetchTask` to open the dialog and `composeExtension/submitAction` with its form. */
export type ActionCommandId = CommandsOfType<'action'>;

export const SEARCH_COMMAND_IDS = MESSAGING_EXTENSION_COMMAND_IDS.filter(
  (id): id is SearchCommandId => MESSAGING_EXTENSION_COMMAND_TYPES[id] === 'query',
);
export const ACTION_COMMAND_IDS = MESSAGING_EXTENSION_COMMAND_IDS.filter(
  (id): id is ActionCommandId => MESSAGING_EXTENSION_COMMAND_TYPES[id] === 'action',
);
