/**
 * The messaging extension's command ids (DESIGN.md, Teams contract): `composeExtensions[0].commands[].id`
 * in manifest/manifest.json. Invokes arrive with one of these as `commandId`; the manifest test keeps both in step.
 */
export const MESSAGING_EXTENSION_COMMAND_IDS = ['findExpert', 'planSession', 'shareTip'] as const;
export type MessagingExtensionCommandId = (typeof MESSAGING_EXTENSION_COMMAND_IDS)[number];

/** findExpert is a search (query); the others open a dialog (action with fetchTask). */
export const MESSAGING_EXTENSION_COMMAND_TYPES: Readonly<Record<MessagingExtensionCommandId, 'query' | 'action'>> = {
  findExpert: 'query',
  planSession: 'action',
  shareTip: 'action',
};
