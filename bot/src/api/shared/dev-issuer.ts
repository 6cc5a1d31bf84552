import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import { randomUUID } from 'node:crypto';
import { ACCESS_AS_USER, createTokenValidator } from './token-validator';
import type { TokenValidator } from './token-validator';
import type { TenantAllowList } from '../../domain/shared/tenant-allow-list';

export const DEV_ISSUER = 'urn:peerlearn:dev-issuer';
export const DEV_AUDIENCE = 'urn:peerlearn:tab-api';
/** The client app the dev issuer names in `azp`, standing in for the Teams client that asks Entra. */
export const DEV_CLIENT_APP = 'peerlearn-dev-tab';

interface DevIdentity {
  readonly tenantId: string;
  readonly userId: string;
  readonly name: string;
  readonly locale?: string;
}

export interface DevIssuer {
  readonly keys: JWTVerifyGetKey;
  issue(identity: DevIdentity, lifetimeSeconds?: number): Promise<string>;
}

/**
 * Dev mode's own token issuer: signs Entra-shaped tokens (tid, oid, name, scp, azp) with a key made
 * at start, and exposes its public key as a JWKS, so the validator checks them exactly as it checks Entra's.
 */
export async function createDevIssuer(): Promise<DevIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return {
    keys: createLocalJWKSet({ keys: [jwk] }),
    issue(identity, lifetimeSeconds = 3600) {
      return new SignJWT({
        tid: identity.tenantId,
        oid: identity.userId,
        name: identity.name,
        scp: ACCESS_AS_USER,
        azp: DEV_CLIENT_APP,
        ...(identity.locale ? { locale: identity.locale } : {}),
      })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject(identity.userId)
        .setIssuedAt()
        .setExpirationTime(`${lifetimeSeconds}s`)
        .sign(privateKey);
    },
  };
}

/** Dev mode's validator: the same checks as for Entra tokens, against the dev issuer's key, issuer, audience and client. */
export function devTokenValidator(issuer: DevIssuer, allowedTenants: TenantAllowList): TokenValidator {
  return createTokenValidator({
    keys: issuer.keys,
    algorithms: ['ES256'],
    issuersFor: () => [DEV_ISSUER],
    audiences: [DEV_AUDIENCE],
    allowedTenants,
    requiredScope: ACCESS_AS_USER,
    clientApps: [DEV_CLIENT_APP],
  });
}
