import type { AccessToken, TokenCredential } from '@azure/identity';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, readConfig } from '../../bot/src/config';
import { clientsFromAccountUrls } from '../../bot/src/storage/shared/storage-clients';

const CLIENT_ID = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/** Never asked for a token here: building clients does not call storage. */
const credential: TokenCredential = {
  getToken: (): Promise<AccessToken | null> => Promise.reject(new Error('no token offline')),
};

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    readConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('storage with a managed identity (config)', () => {
  it('reads STORAGE_ACCOUNT_NAME and AZURE_CLIENT_ID into account URLs and the identity', () => {
    const config = readConfig({ STORAGE_ACCOUNT_NAME: 'peerlearndev01', AZURE_CLIENT_ID: CLIENT_ID });
    expect(config.storage).toEqual({
      kind: 'managedIdentity',
      tableUrl: 'https://peerlearndev01.table.core.windows.net',
      queueUrl: 'https://peerlearndev01.queue.core.windows.net',
      clientId: CLIENT_ID,
    });
  });

  it('works without AZURE_CLIENT_ID (the default credential chain)', () => {
    expect(readConfig({ STORAGE_ACCOUNT_NAME: 'peerlearndev01' }).storage).not.toHaveProperty('clientId');
  });

  it('names every problem at once: both ways set, a bad account name, a bad client id', () => {
    const problems = problemsOf({
      STORAGE_ACCOUNT_NAME: 'Peer_Learn',
      STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      AZURE_CLIENT_ID: 'me',
    });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/STORAGE_ACCOUNT_NAME must be a storage account name/);
    expect(problems.join('\n')).toMatch(/STORAGE_CONNECTION_STRING and STORAGE_ACCOUNT_NAME exclude each other/);
    expect(problems.join('\n')).toMatch(/AZURE_CLIENT_ID must be a GUID/);
  });

  it('requires one of the two in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' }).join('\n')).toMatch(
      /STORAGE_CONNECTION_STRING is required when NODE_ENV=production, or STORAGE_ACCOUNT_NAME/,
    );
    expect(problemsOf({ NODE_ENV: 'production', STORAGE_ACCOUNT_NAME: 'peerlearndev01' }).join('\n')).not.toMatch(/STORAGE_/);
  });
});

describe('clientsFromAccountUrls', () => {
  it('builds table and queue clients on the account URLs with the token credential', () => {
    const clients = clientsFromAccountUrls(
      { tableUrl: 'https://peerlearndev01.table.core.windows.net', queueUrl: 'https://peerlearndev01.queue.core.windows.net' },
      credential,
    );
    const table = clients.table('profiles');
    expect(table.url).toBe('https://peerlearndev01.table.core.windows.net');
    expect(table.tableName).toBe('profiles');
    const queue = clients.queue('jobs');
    expect(queue.url).toBe('https://peerlearndev01.queue.core.windows.net/jobs');
    expect(queue.name).toBe('jobs');
    expect(queue.accountName).toBe('peerlearndev01');
  });
});
