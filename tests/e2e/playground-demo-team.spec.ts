import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MeResponse } from '../../bot/src/api/contract';
import { readConfig } from '../../bot/src/config';
import { DEMO_PEOPLE, DEMO_TEAM_ID, DEMO_TENANT_ID } from '../../bot/src/domain/demo/demo-team';
import type { Logger } from '../../bot/src/domain/shared/logger';
import { startService } from '../../bot/src/server';
import type { RunningService } from '../../bot/src/server';
import { because, eventually } from '../support/eventually';
import { startPlayground } from '../support/playground';
import type { Playground } from '../support/playground';
import { devToken, getJson } from '../support/service';

let service: RunningService;
let playground: Playground;
const infoLines: string[] = [];

/** The quiet test logger, but keeping the info lines: the roster read outlives the install turn and says when it is done. */
const logger: Logger = {
  debug: () => undefined,
  info: (message) => void infoLines.push(message),
  warn: () => undefined,
  error: () => undefined,
  scope: (_fields, work) => work(),
};

// The real service with the demo seed (as `npm start` on a fresh clone), then the Playground opened against it.
beforeAll(async () => {
  const config = { ...readConfig({ NODE_ENV: 'test' }), port: 0 };
  service = await startService(config, { log: logger, inMemoryStorage: true, writeLimits: { person: [], tenant: [] } });
  playground = await startPlayground(`${service.url.replace('localhost', '127.0.0.1')}/api/messages`);
});
afterAll(async () => {
  await playground?.close();
  await service?.close();
});

const SANNE = DEMO_PEOPLE.find((p) => p.name === 'Sanne de Vries');

describe('opening the Agents Playground on the demo team', () => {
  it('keeps all 13 demo people, their roles and the team’s name; Sanne still sees her team in the tab', async () => {
    if (!SANNE) throw new Error('the demo has no Sanne');
    const before = await service.repositories.teams.listMembers(DEMO_TENANT_ID, DEMO_TEAM_ID);
    const team = await service.repositories.teams.get(DEMO_TENANT_ID, DEMO_TEAM_ID);
    expect(before).toHaveLength(DEMO_PEOPLE.length);

    // The Playground plays the demo team: same tenant, same team id, but its own name for it and fewer people.
    const pgTeam = playground.config.teams[0];
    expect(playground.config.tenantId).toBe(DEMO_TENANT_ID);
    expect(pgTeam?.id).toBe(DEMO_TEAM_ID);
    await playground.install(DEMO_TEAM_ID);
    await playground.waitForAction((a) => a.action === 'createMessage' && a.actionConversationId === DEMO_TEAM_ID);
    const synced = await eventually(() => {
      const line = infoLines.find((l) => l.startsWith(`team ${DEMO_TEAM_ID}: roster of`));
      expect(line).toBeDefined();
      return line ?? '';
    });
    // The pinned Playground's configuration holds at most six people, so its roster is never the demo's 13.
    because(synced, () => expect(synced).toMatch(/roster of [1-6] read; \d+ memberships written, 0 removed/));

    const after = await service.repositories.teams.listMembers(DEMO_TENANT_ID, DEMO_TEAM_ID);
    const roles = (list: typeof after) => Object.fromEntries(list.map((m) => [m.userId, m.role]));
    expect(after.map((m) => m.userId).sort()).toEqual(DEMO_PEOPLE.map((p) => p.userId).sort());
    // Whoever owned the demo team still does (the installer may join them, never replace them).
    for (const [userId, role] of Object.entries(roles(before))) if (role === 'owner') expect(roles(after)[userId]).toBe('owner');
    expect((await service.repositories.teams.get(DEMO_TENANT_ID, DEMO_TEAM_ID))?.name).toBe(team?.name);

    const token = await devToken(service, { tenantId: DEMO_TENANT_ID, userId: SANNE.userId, name: SANNE.name, locale: 'nl-NL' });
    const { status, body } = await getJson<MeResponse>(service, '/api/v1/me', token);
    expect(status).toBe(200);
    expect(body.teams).toEqual([expect.objectContaining({ teamId: DEMO_TEAM_ID, name: 'Productteam Utrecht' })]);
  });
});
