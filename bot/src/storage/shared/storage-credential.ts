import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/identity';

/**
 * The identity the service signs in to storage with: the user-assigned managed identity named by its
 * client id in Azure, else the default chain (a system-assigned identity, or `az login` on a laptop).
 */
export function storageCredential(clientId: string | undefined): TokenCredential {
  return clientId ? new ManagedIdentityCredential({ clientId }) : new DefaultAzureCredential();
}
