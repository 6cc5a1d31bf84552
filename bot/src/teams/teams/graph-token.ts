import { ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import type { BotConfig } from '../../config';

/** An app-only Microsoft Graph access token for a tenant. */
export interface GraphTokenProvider {
  token(tenantId: string): Promise<string>;
}

/**
 * The bot's own identity asking Entra ID for Graph (client credentials): its user-assigned managed
 * identity, or its app id and secret. Undefined without a bot app id (local runs), so Graph is "not
 * configured" there. The credentials cache their tokens until shortly before they expire.
 */
export function botGraphTokens(bot: BotConfig, graphBaseUrl: string): GraphTokenProvider | undefined {
  const { appId, appPassword, tenantId: homeTenant } = bot;
  if (!appId) return undefined;
  // The national clouds have their own Graph host; the scope names the host the calls go to.
  const scope = `${new URL(graphBaseUrl).origin}/.default`;
  if (bot.type === 'UserAssignedMSI') {
    // A managed identity lives in its own tenant only.
    const credential = new ManagedIdentityCredential({ clientId: appId });
    return { token: async () => (await credential.getToken(scope)).token };
  }
  if (!appPassword || !homeTenant) return undefined;
  // Asked in the team's tenant: that works for an app registered for several tenants and fails
  // cleanly (then the installer rule applies) for a single-tenant one.
  const credential = new ClientSecretCredential(homeTenant, appId, appPassword, { additionallyAllowedTenants: ['*'] });
  return { token: async (tenantId) => (await credential.getToken(scope, { tenantId })).token };
}
