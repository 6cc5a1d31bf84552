import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { isTenantAllowed } from '../../domain/shared/tenant-allow-list';
import type { TenantAllowList } from '../../domain/shared/tenant-allow-list';
import { unauthorized } from './http-error';

/** Who is calling the tab API: one person on every surface, (tenant id, Entra object id). */
export interface Caller {
  readonly tenantId: string;
  readonly userId: string;
  readonly name?: string;
  readonly locale?: string;
}

interface TokenValidatorOptions {
  /** Resolves the signing key: Entra's remote JWKS in production, the dev issuer's local JWKS in dev mode. */
  readonly keys: JWTVerifyGetKey;
  /** The only signing algorithms accepted (Entra signs with RS256); `none` and HMAC never are. */
  readonly algorithms: readonly string[];
  /** The issuers accepted for a token of tenant `tid` (Entra issuers name the tenant). */
  readonly issuersFor: (tid: string) => readonly string[];
  readonly audiences: readonly string[];
  readonly allowedTenants: TenantAllowList;
  /** The delegated scope our API exposes; a user token for it carries it in `scp`. */
  readonly requiredScope: string;
  /** The client apps that may have requested the token (`azp` in v2 tokens, `appid` in v1). */
  readonly clientApps: readonly string[];
  readonly clockToleranceSeconds?: number;
}

export type TokenValidator = (authorization: string | undefined) => Promise<Caller>;

/** The scope Teams SSO asks for (`aad.manifest.json` exposes it). */
export const ACCESS_AS_USER = 'access_as_user';

/** Clocks of Entra, Teams clients and this server may differ by this much (the usual allowance). */
const CLOCK_SKEW_SECONDS = 5 * 60;

const ID = /^[A-Za-z0-9._:@-]{1,128}$/;

function claim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** What jose found wrong with a signed token, in words a person can act on. */
function verificationProblem(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'Your sign-in has expired; sign in again.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'The sign-in token is not valid yet; check the clock of this device.';
    if (error.claim === 'aud') return 'The sign-in token is meant for another application.';
  }
  return 'The sign-in token is not valid.';
}

/**
 * The one validator of bearer tokens. Dev tokens and Entra ID tokens take this same path; only
 * the key source, algorithms, issuers and audiences differ. Beyond the signature it checks that
 * the token is a person's delegated token for this API (`scp` has access_as_user, not app-only),
 * requested by a Teams or Microsoft 365 client, from an allowed tenant's own issuer.
 */
export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) throw unauthorized('Sign-in required: send an Authorization: Bearer <token> header.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], options.keys, {
        algorithms: [...options.algorithms],
        audience: [...options.audiences],
        clockTolerance: options.clockToleranceSeconds ?? CLOCK_SKEW_SECONDS,
        requiredClaims: ['exp', 'iss', 'tid', 'oid'],
      }));
    } catch (error) {
      throw unauthorized(verificationProblem(error));
    }
    const tenantId = claim(payload, 'tid');
    const userId = claim(payload, 'oid');
    if (!tenantId || !userId || !ID.test(tenantId) || !ID.test(userId)) {
      throw unauthorized('The sign-in token does not name a tenant and user.');
    }
    if (!payload.iss || !options.issuersFor(tenantId).includes(payload.iss)) {
      throw unauthorized('The sign-in token comes from an issuer this service does not trust.');
    }
    if (claim(payload, 'idtyp') === 'app') {
      throw unauthorized('App-only tokens are not accepted: sign in as a person.');
    }
    const scopes = (claim(payload, 'scp') ?? '').split(/\s+/);
    if (!scopes.includes(options.requiredScope)) {
      throw unauthorized(`The sign-in token lacks this API's ${options.requiredScope} scope.`);
    }
    const client = claim(payload, 'azp') ?? claim(payload, 'appid');
    if (!client || !options.clientApps.some((app) => app.toLowerCase() === client.toLowerCase())) {
      throw unauthorized('The sign-in token was requested by an app that is not a Teams or Microsoft 365 client.');
    }
    if (!isTenantAllowed(options.allowedTenants, tenantId)) {
      throw unauthorized('Your organisation is not allowed to use this PeerLearn installation.');
    }
    const name = claim(payload, 'name');
    const locale = claim(payload, 'locale');
    return { tenantId, userId, ...(name !== undefined ? { name } : {}), ...(locale !== undefined ? { locale } : {}) };
  };
}

/** Entra ID v2 and v1 issuers for tenant-specific tokens (Teams SSO issues either, per the app registration). */
function entraIssuers(tid: string): readonly string[] {
  return [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
}

const ENTRA_JWKS_URL = new URL('https://login.microsoftonline.com/common/discovery/v2.0/keys');

interface EntraSettings {
  /** The tab's Entra app (client) id. */
  readonly clientId: string;
  /** Its identifier URIs, e.g. `api://<domain>/<client id>`. */
  readonly audiences: readonly string[];
  readonly allowedTenants: TenantAllowList;
  readonly clientApps: readonly string[];
}

/** Teams SSO tokens from Entra ID, checked against Entra's published signing keys (`jwksUrl`). */
export function entraTokenValidator(settings: EntraSettings, jwksUrl: URL = ENTRA_JWKS_URL): TokenValidator {
  return createTokenValidator({
    keys: createRemoteJWKSet(jwksUrl),
    algorithms: ['RS256'],
    issuersFor: entraIssuers,
    // v2 tokens name the client id; v1 tokens the identifier URI Teams asked for.
    audiences: [settings.clientId, `api://${settings.clientId}`, ...settings.audiences],
    allowedTenants: settings.allowedTenants,
    requiredScope: ACCESS_AS_USER,
    clientApps: settings.clientApps,
  });
}
