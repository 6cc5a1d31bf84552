import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { TableServiceClient } from '@azure/data-tables';
import { createDeliveryStorage } from '../../bot/src/storage/delivery/delivery-storage';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { DELIVERY_TABLES, TABLES } from '../../bot/src/storage/shared/keys';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import { PRIVACY_RULES } from '../../bot/src/storage/privacy/privacy-rules';
import { startTestAzurite } from '../support/azurite';

// This file's own Azurite: every table in it was created by PeerLearn's ensureCreated.
let azurite: EmbeddedAzurite;
let created: string[];

beforeAll(async () => {
  azurite = await startTestAzurite();
  const storage = createStorage({ connectionString: azurite.connectionString });
  await storage.ensureCreated();
  await createDeliveryStorage(clientsFromConnectionString(azurite.connectionString), storage.queues.jobs).ensureCreated();
  const service = TableServiceClient.fromConnectionString(azurite.connectionString, { allowInsecureConnection: true });
  created = [];
  for await (const table of service.listTables()) if (table.name) created.push(table.name);
});
afterAll(async () => {
  await azurite?.stop();
});

const ALL_TABLES: Record<string, string> = { ...TABLES, ...DELIVERY_TABLES };
const ruleOf = (tableName: string) => {
  const id = Object.keys(ALL_TABLES).find((key) => ALL_TABLES[key] === tableName);
  return id === undefined
    ? undefined
    : (PRIVACY_RULES as Record<string, (typeof PRIVACY_RULES)[keyof typeof PRIVACY_RULES] | undefined>)[id];
};

describe('every table PeerLearn creates has a privacy rule and a row in docs/PRIVACY.md (DESIGN F13)', () => {
  it('the tables that really exist after ensureCreated each have a rule with a purpose and a retention', () => {
    expect(created.length).toBeGreaterThanOrEqual(Object.keys(ALL_TABLES).length);
    const withoutRule = created.filter((name) => !ruleOf(name));
    expect(withoutRule).toEqual([]);
    for (const name of created) {
      expect(ruleOf(name)?.purpose).toMatch(/\w{3}/);
      expect(ruleOf(name)?.retention).toMatch(/\w{3}/);
    }
  });

  it('docs/PRIVACY.md has a row for each of them', async () => {
    const doc = await readFile(new URL('../../docs/PRIVACY.md', import.meta.url), 'utf8');
    const rows = doc.split('\n').filter((line) => line.startsWith('| `pl'));
    const missing = created.filter((name) => !rows.some((row) => row.startsWith(`| \`${name}\``)));
    expect(missing).toEqual([]);
  });
});
