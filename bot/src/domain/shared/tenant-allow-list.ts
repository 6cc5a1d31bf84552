/**
 * The tenants whose people may use this installation: `'any'` (an explicit `ALLOWED_TENANTS=*`, or
 * dev mode with none named) or exactly these tenant ids. The tab API and the bot apply the same list.
 */
export type TenantAllowList = 'any' | readonly string[];

/** Tenant ids are GUIDs; Entra writes them in lower case, an admin may not. */
export function isTenantAllowed(list: TenantAllowList, tenantId: string | undefined): boolean {
  if (list === 'any') return true;
  if (!tenantId) return false;
  const id = tenantId.toLowerCase();
  return list.some((allowed) => allowed.toLowerCase() === id);
}
