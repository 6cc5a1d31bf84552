import { describe, expect, it } from '@jest/globals';
import { ConfigError, readConfig } from '../../bot/src/config';

const GUID = '11111111-2222-3333-4444-555555555555';

function problems(env: Record<string, string>): readonly string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('readConfig', () => {
  it('runs on embedded defaults with nothing set', () => {
    const config = readConfig({});
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.storage).toEqual({ kind: 'embedded', dataDir: '.data' });
    expect(config.seedDemo).toBe(true);
    expect(config.auth.mode).toBe('dev');
    expect(config.bot.appId).toBeUndefined();
  });

  it.each([
    ['abc', 'PORT must be a whole number from 1 to 65535 (got "abc")'],
    ['0', 'PORT must be a whole number from 1 to 65535 (got "0")'],
    ['65536', 'PORT must be a whole number from 1 to 65535 (got "65536")'],
    ['3.5', 'PORT must be a whole number from 1 to 65535 (got "3.5")'],
  ])('rejects PORT=%s with a message that names it', (value, message) => {
    expect(problems({ PORT: value })).toEqual([message]);
  });

  it('names every bad value at once', () => {
    const found = problems({ PORT: 'x', SEED_DEMO: 'maybe', NODE_ENV: 'staging', BOT_TYPE: 'MultiTenant' });
    expect(found).toHaveLength(4);
    expect(found.join('\n')).toMatch(/PORT[\s\S]*SEED_DEMO must be true or false[\s\S]*/);
    expect(found.join('\n')).toContain('NODE_ENV must be one of development, test, production');
    expect(found.join('\n')).toContain('BOT_TYPE must be one of SingleTenant, UserAssignedMSI');
  });

  it('refuses dev auth, embedded storage and a missing bot id in production', () => {
    const found = problems({ NODE_ENV: 'production' }).join('\n');
    expect(found).toContain('AUTH_MODE=dev is refused when NODE_ENV=production');
    expect(found).toContain('STORAGE_CONNECTION_STRING is required when NODE_ENV=production');
    expect(found).toContain('BOT_ID is required when NODE_ENV=production');
  });

  it('takes a full production configuration', () => {
    const config = readConfig({
      NODE_ENV: 'production',
      STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=pl;AccountKey=abc;EndpointSuffix=core.windows.net',
      AAD_APP_CLIENT_ID: GUID,
      ALLOWED_TENANTS: `${GUID}, ${GUID.replace('1', '9')}`,
      BOT_ID: GUID,
      BOT_PASSWORD: 'secret',
      BOT_TENANT_ID: GUID,
      PUBLIC_URL: 'https://peerlearn.example.com',
      CALENDAR_LINK_SECRET: 'x'.repeat(40),
    });
    expect(config.auth.mode).toBe('entra');
    expect(config.auth.allowedTenants).toEqual([GUID, GUID.replace('1', '9')]);
    expect(config.host).toBe('0.0.0.0');
    expect(config.storage.kind).toBe('connectionString');
  });

  it('checks GUIDs, connection strings and the bot credentials', () => {
    const found = problems({ AAD_APP_CLIENT_ID: 'not-a-guid', STORAGE_CONNECTION_STRING: 'hello', BOT_ID: GUID }).join('\n');
    expect(found).toContain('AAD_APP_CLIENT_ID must be a GUID');
    expect(found).toContain('STORAGE_CONNECTION_STRING must be an Azure Storage or Cosmos DB Table API connection string');
    expect(found).toContain('BOT_TENANT_ID is required when BOT_ID is set');
    expect(found).toContain('BOT_PASSWORD is required');
  });

  it('treats blank values as unset and reads booleans loosely', () => {
    const config = readConfig({ PORT: ' ', SEED_DEMO: 'FALSE', STORAGE_CONNECTION_STRING: '' });
    expect(config.port).toBe(3978);
    expect(config.seedDemo).toBe(false);
    expect(config.storage.kind).toBe('embedded');
  });

  describe('sign-in start-up refusals', () => {
    const entra = { AAD_APP_CLIENT_ID: GUID };

    it('refuses Entra sign-in without ALLOWED_TENANTS, and says how to allow every tenant', () => {
      expect(problems(entra)).toEqual([
        'ALLOWED_TENANTS is required when AUTH_MODE=entra: the tenant ids whose users may sign in, comma-separated, or * to allow every tenant',
      ]);
    });

    it('takes an explicit * as every tenant, and a list as exactly those', () => {
      expect(readConfig({ ...entra, ALLOWED_TENANTS: '*' }).auth.allowedTenants).toBe('any');
      expect(readConfig({ ...entra, ALLOWED_TENANTS: GUID }).auth.allowedTenants).toEqual([GUID]);
      expect(problems({ ...entra, ALLOWED_TENANTS: `*, ${GUID}` })).toEqual([
        'ALLOWED_TENANTS is either * (every tenant) or a comma-separated list of tenant GUIDs, not both',
      ]);
      expect(problems({ ...entra, ALLOWED_TENANTS: 'contoso' }).join('\n')).toContain('ALLOWED_TENANTS must be a comma-separated list');
    });

    it('lets dev mode allow any tenant when none is named, and hold to a list when one is', () => {
      expect(readConfig({}).auth.allowedTenants).toBe('any');
      expect(readConfig({ ALLOWED_TENANTS: GUID }).auth.allowedTenants).toEqual([GUID]);
    });

    it.each(['0.0.0.0', '::', '192.168.1.20', 'peerlearn.local'])('refuses dev auth on HOST=%s', (host) => {
      expect(problems({ HOST: host })).toEqual([expect.stringContaining(`AUTH_MODE=dev is refused on HOST=${host}`)]);
    });

    it.each(['127.0.0.1', '127.0.0.2', '::1', '[::1]', 'localhost'])('lets dev auth listen on the loopback HOST=%s', (host) => {
      expect(problems({ HOST: host })).toEqual([]);
    });

    it('lets Entra sign-in listen on every interface', () => {
      expect(readConfig({ ...entra, ALLOWED_TENANTS: GUID, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    });

    it('accepts tokens from the Teams and Microsoft 365 clients unless ALLOWED_CLIENT_APPS names others', () => {
      const defaults = readConfig({ ...entra, ALLOWED_TENANTS: GUID }).auth.clientApps;
      expect(defaults).toEqual(expect.arrayContaining(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']));
      expect(defaults).toHaveLength(7);
      expect(readConfig({ ...entra, ALLOWED_TENANTS: GUID, ALLOWED_CLIENT_APPS: GUID }).auth.clientApps).toEqual([GUID]);
      expect(problems({ ...entra, ALLOWED_TENANTS: GUID, ALLOWED_CLIENT_APPS: 'teams' })).toEqual([
        'ALLOWED_CLIENT_APPS must be a comma-separated list of client app GUIDs (got "teams")',
      ]);
    });

    it('accepts only identifier URIs that name the app (its client id, or botid-<BOT_ID>)', () => {
      const bot = '99999999-2222-3333-4444-555555555555';
      const withBot = { ...entra, ALLOWED_TENANTS: GUID, BOT_ID: bot, BOT_TENANT_ID: GUID, BOT_PASSWORD: 'p' };
      const uris = `api://peerlearn.example.com/${GUID}, api://peerlearn.example.com/botid-${bot}, api://${GUID}`;
      expect(readConfig({ ...withBot, AAD_APP_ID_URI: uris }).auth.audiences).toHaveLength(3);
      const found = problems({ ...withBot, AAD_APP_ID_URI: 'api://peerlearn.example.com/00000000-0000-0000-0000-000000000000' });
      expect(found).toEqual([expect.stringContaining("AAD_APP_ID_URI must be the app's identifier URI")]);
      expect(problems({ ...withBot, AAD_APP_ID_URI: `https://peerlearn.example.com/${GUID}` })).toHaveLength(1);
    });
  });

  it("takes Graph's base URL (team owners) without a trailing slash; https only, http only on loopback", () => {
    expect(readConfig({}).graph.baseUrl).toBe('https://graph.microsoft.com/v1.0');
    expect(readConfig({ GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0/' }).graph.baseUrl).toBe('https://graph.microsoft.us/v1.0');
    expect(readConfig({ GRAPH_BASE_URL: 'http://127.0.0.1:4000/v1.0' }).graph.baseUrl).toBe('http://127.0.0.1:4000/v1.0');
    for (const bad of ['http://graph.example.com/v1.0', 'graph.microsoft.com', 'ftp://127.0.0.1/v1.0'])
      expect(problems({ GRAPH_BASE_URL: bad })).toEqual([expect.stringContaining('GRAPH_BASE_URL must be an https address')]);
  });
});
