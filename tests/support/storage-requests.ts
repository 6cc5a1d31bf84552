/**
 * The part of a storage request's path after its account (`/plSessions(...)`, `/$batch`), or undefined for a
 * request that is not to a test storage account (the fake connector, Graph). Tests run on the development
 * account or on an account of the shared Azurite (tests/support/azurite.ts), so counts never name the account.
 */
export function storagePathOf(requestPath: string): string | undefined {
  const match = /^\/(?:devstoreaccount1|pltest\d{4})(\/.*)$/.exec(requestPath);
  return match?.[1];
}
