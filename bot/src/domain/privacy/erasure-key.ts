/**
 * How the expert-search change feed says "forget this person" without naming them: a SHA-256 of the
 * tenant and user id, which each instance's index compares with the hashes of the people it holds.
 * Web Crypto (a platform global) keeps this free of `node:*` imports.
 */
export async function erasureKeyOf(tenantId: string, userId: string): Promise<string> {
  // Length-prefixed parts: no choice of ids can make two different pairs hash the same text.
  const text = `erased|${tenantId.length}:${tenantId}|${userId.length}:${userId}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
