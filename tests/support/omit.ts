/**
 * A copy of a fixture without some of its fields. With exactOptionalPropertyTypes an override of
 * `{ channelId: undefined }` no longer type-checks, and rightly: storage and the API leave an unset
 * field out rather than writing undefined, so fixtures do the same.
 */
export function omit<T extends object, K extends keyof T>(value: T, ...keys: readonly K[]): Omit<T, K> {
  const dropped = new Set<PropertyKey>(keys);
  return Object.fromEntries(Object.entries(value).filter(([key]) => !dropped.has(key))) as Omit<T, K>;
}
