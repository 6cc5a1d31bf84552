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
    expect(config.auth.allowedTenants).toHaveLength(2);
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
});
