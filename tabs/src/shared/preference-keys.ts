/**
 * The keys of what the tab remembers (local-store.ts adds the `peerlearn.` prefix). Their own module,
 * free of React, because the entry reads them before the app's code has even loaded (early-start.ts).
 */
export const preferenceKeys = {
  language: 'language',
  theme: 'theme',
  member: 'member',
  memberIdentity: 'memberIdentity',
  team: 'team',
} as const;
