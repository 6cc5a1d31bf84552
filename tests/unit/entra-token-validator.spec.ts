import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import type { JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { entraTokenValidator } from '../../bot/src/api/shared/token-validator';
import type { TokenValidator } from '../../bot/src/api/shared/token-validator';
import { TEAMS_AND_M365_CLIENT_APPS } from '../../bot/src/api/shared/teams-client-apps';

const TENANT = '6f1c2a10-7d3e-4b8a-9c21-000000000001';
const OTHER_TENANT = '6f1c2a10-7d3e-4b8a-9c21-000000000002';
const CLIENT_ID = '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const APP_ID_URI = `api://peerlearn.example.com/${CLIENT_ID}`;
const TEAMS_WEB = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';
const TEAMS_DESKTOP = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
const USER = '6f1c2a10-7d3e-4b8a-9c21-aaaaaaaaaaaa';
const MINUTE = 60;

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
let entra: KeyPair;
let kid: string;
let jwks: Server;
let validate: TokenValidator;

/** Entra's signing keys, served as Entra serves them: a JWKS document over HTTP (here on 127.0.0.1). */
beforeAll(async () => {
  entra = await generateKeyPair('RS256');
  kid = randomUUID();
  const document = JSON.stringify({ keys: [{ ...(await exportJWK(entra.publicKey)), kid, alg: 'RS256', use: 'sig' }] });
  jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(document));
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const url = new URL(`http://127.0.0.1:${(jwks.address() as AddressInfo).port}/discovery/v2.0/keys`);
  validate = entraTokenValidator(
    { clientId: CLIENT_ID, audiences: [APP_ID_URI], allowedTenants: [TENANT], clientApps: Object.keys(TEAMS_AND_M365_CLIENT_APPS) },
    url,
  );
});
afterAll(async () => {
  await new Promise((resolve) => jwks?.close(resolve));
});

const now = () => Math.floor(Date.now() / 1000);

/** A Teams SSO v2 access token as Entra issues it for the tab; each case changes one thing. */
function v2Claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    aud: CLIENT_ID,
    iat: now() - MINUTE,
    nbf: now() - MINUTE,
    exp: now() + 60 * MINUTE,
    tid: TENANT,
    oid: USER,
    name: 'Noor Bakker',
    azp: TEAMS_WEB,
    scp: 'access_as_user',
    ver: '2.0',
    ...overrides,
  };
}

function without(claims: JWTPayload, name: string): JWTPayload {
  return Object.fromEntries(Object.entries(claims).filter(([key]) => key !== name));
}

function sign(claims: JWTPayload, key: KeyPair['privateKey'] = entra.privateKey): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
}

const bearer = (token: string) => `Bearer ${token}`;

describe('Teams SSO tokens (Entra ID) through the tab API validator', () => {
  it('accepts a good v2 token and names the caller by tid + oid', async () => {
    await expect(validate(bearer(await sign(v2Claims())))).resolves.toEqual({ tenantId: TENANT, userId: USER, name: 'Noor Bakker' });
  });

  it('accepts a good v1 token: sts.windows.net issuer, the identifier URI as audience, appid for the client', async () => {
    const v1 = without(
      v2Claims({ iss: `https://sts.windows.net/${TENANT}/`, aud: APP_ID_URI, appid: TEAMS_DESKTOP, ver: '1.0', name: 'Sanne' }),
      'azp',
    );
    await expect(validate(bearer(await sign(v1)))).resolves.toMatchObject({ tenantId: TENANT, userId: USER });
  });

  it('accepts clocks up to 5 minutes apart: expired 4 minutes ago, or valid only in 4 minutes', async () => {
    await expect(validate(bearer(await sign(v2Claims({ exp: now() - 4 * MINUTE }))))).resolves.toMatchObject({ userId: USER });
    await expect(validate(bearer(await sign(v2Claims({ nbf: now() + 4 * MINUTE }))))).resolves.toMatchObject({ userId: USER });
  });

  it('refuses a forged signature (another key under Entra’s key id)', async () => {
    const attacker = await generateKeyPair('RS256');
    await expect(validate(bearer(await sign(v2Claims(), attacker.privateKey)))).rejects.toMatchObject({
      status: 401,
      message: 'The sign-in token is not valid.',
    });
  });

  it('refuses another tenant’s issuer for this tenant’s token', async () => {
    const token = await sign(v2Claims({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }));
    await expect(validate(bearer(token))).rejects.toMatchObject({ status: 401, message: expect.stringContaining('issuer') });
  });

  it('refuses an issuer that is not Entra’s', async () => {
    const token = await sign(v2Claims({ iss: `https://login.example.com/${TENANT}/v2.0` }));
    await expect(validate(bearer(token))).rejects.toMatchObject({ status: 401, message: expect.stringContaining('issuer') });
  });

  it('refuses a token for another app (audience)', async () => {
    const token = await sign(v2Claims({ aud: 'api://peerlearn.example.com/9f9f9f9f-0000-4000-8000-000000000000' }));
    await expect(validate(bearer(token))).rejects.toMatchObject({ status: 401, message: expect.stringContaining('another application') });
  });

  it('refuses a token expired more than 5 minutes ago', async () => {
    const token = await sign(v2Claims({ iat: now() - 70 * MINUTE, nbf: now() - 70 * MINUTE, exp: now() - 6 * MINUTE }));
    await expect(validate(bearer(token))).rejects.toMatchObject({ status: 401, message: expect.stringContaining('expired') });
  });

  it('refuses a token valid only in more than 5 minutes', async () => {
    const token = await sign(v2Claims({ nbf: now() + 6 * MINUTE }));
    await expect(validate(bearer(token))).rejects.toMatchObject({ status: 401, message: expect.stringContaining('not valid yet') });
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const token = new UnsecuredJWT(v2Claims()).encode();
    await expect(validate(bearer(token))).rejects.toMatchObject({ status: 401, message: 'The sign-in token is not valid.' });
  });

  it('refuses an HS256 token whose HMAC secret is Entra’s public key', async () => {
    const secret = new TextEncoder().encode(await exportSPKI(entra.publicKey));
    const token = await new SignJWT(v2Claims()).setProtectedHeader({ alg: 'HS256', kid, typ: 'JWT' }).sign(secret);
    await expect(validate(bearer(token))).rejects.toMatchObject({ status: 401, message: 'The sign-in token is not valid.' });
  });

  it('refuses a token without scp', async () => {
    const token = await sign(without(v2Claims(), 'scp'));
    await expect(validate(bearer(token))).rejects.toMatchObject({ status: 401, message: expect.stringContaining('access_as_user') });
  });

  it('refuses a token with scp=User.Read only (a Graph token is not one for this API)', async () => {
    const token = await sign(v2Claims({ scp: 'User.Read' }));
    await expect(validate(bearer(token))).rejects.toMatchObject({ status: 401, message: expect.stringContaining('access_as_user') });
  });

  it('refuses an app-only token (idtyp=app, roles and no scp)', async () => {
    const token = await sign(without(v2Claims({ idtyp: 'app', roles: ['Sessions.ReadWrite.All'] }), 'scp'));
    await expect(validate(bearer(token))).rejects.toMatchObject({ status: 401, message: expect.stringContaining('App-only') });
  });

  it('refuses a token requested by an unknown client app (azp)', async () => {
    const token = await sign(v2Claims({ azp: '9f9f9f9f-0000-4000-8000-000000000001' }));
    await expect(validate(bearer(token))).rejects.toMatchObject({ status: 401, message: expect.stringContaining('not a Teams') });
  });

  it('refuses a tenant that ALLOWED_TENANTS does not list (its own issuer and all)', async () => {
    const token = await sign(v2Claims({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }));
    await expect(validate(bearer(token))).rejects.toMatchObject({ status: 401, message: expect.stringContaining('not allowed') });
  });

  it('takes every tenant with an explicit *, and only the client apps it is given', async () => {
    const url = new URL(`http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`);
    const custom = '9f9f9f9f-0000-4000-8000-000000000001';
    const open = entraTokenValidator({ clientId: CLIENT_ID, audiences: [], allowedTenants: 'any', clientApps: [custom] }, url);
    const elsewhere = { tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` };
    await expect(open(bearer(await sign(v2Claims({ ...elsewhere, azp: custom }))))).resolves.toMatchObject({ tenantId: OTHER_TENANT });
    await expect(open(bearer(await sign(v2Claims(elsewhere))))).rejects.toMatchObject({ message: expect.stringContaining('not a Teams') });
  });
});
