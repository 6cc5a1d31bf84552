import { describe, expect, it } from '@jest/globals';
import { createProfileService } from '../../bot/src/domain/experts/profile-service';
import { createTeamService } from '../../bot/src/domain/teams/team-service';
import { AT, ids, membership, profile, team } from '../support/storage/fixtures';
import { useTestStorage } from '../support/test-storage';

const storage = useTestStorage();
const NOW = new Date('2026-11-27T12:00:00.000Z');
const teams = () => createTeamService({ repositories: storage.repos, now: () => NOW });

async function rolesIn(tenantId: string, teamId: string) {
  return (await storage.repos.teams.listMembers(tenantId, teamId)).map((m) => [m.userId, m.role, m.joinedAt]).sort();
}

describe('the team service: what the bot records about a team', () => {
  it('recordInstall: a new team gets its tenant and row; a reinstall keeps the owners’ settings, locale and channels', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    await teams().recordInstall({ tenantId, teamId, name: 'Finance', aadGroupId: 'group-1', locale: 'en', installerId: 'installer-1' });
    expect((await storage.repos.teams.listMembers(tenantId, teamId)).map((m) => [m.userId, m.role])).toEqual([['installer-1', 'owner']]);
    expect(await storage.repos.tenants.get(tenantId)).toEqual({ tenantId, name: '', createdAt: NOW.toISOString() });
    expect(await storage.repos.teams.get(tenantId, teamId)).toMatchObject({
      name: 'Finance',
      aadGroupId: 'group-1',
      locale: 'en',
      channels: [],
      createdAt: NOW.toISOString(),
    });

    await storage.repos.teams.upsert(team(tenantId, teamId, { timeZone: 'Europe/London', reminderMinutes: [30], locale: 'nl-NL' }));
    await teams().recordInstall({ tenantId, teamId, name: undefined, aadGroupId: undefined, locale: 'en', installerId: undefined });
    expect(await storage.repos.teams.get(tenantId, teamId)).toMatchObject({
      name: 'Data team',
      timeZone: 'Europe/London',
      reminderMinutes: [30],
      locale: 'nl-NL',
      channels: team(tenantId, teamId).channels,
      createdAt: AT,
      updatedAt: NOW.toISOString(),
    });
  });

  it('changeChannels: a known team’s channels and name change; an unknown team stays unknown', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    await storage.repos.teams.upsert(team(tenantId, teamId));
    await teams().changeChannels(tenantId, teamId, (channels) => channels.filter((c) => c.channelId === teamId), 'Renamed');
    expect(await storage.repos.teams.get(tenantId, teamId)).toMatchObject({
      name: 'Renamed',
      channels: [{ channelId: teamId, name: 'General' }],
      updatedAt: NOW.toISOString(),
    });
    const unknown = ids.teamsThread();
    await teams().changeChannels(tenantId, unknown, () => [{ channelId: unknown, name: 'General' }]);
    expect(await storage.repos.teams.get(tenantId, unknown)).toBeUndefined();
  });

  it('syncRoster: memberships with the roster’s names and no profiles; the installer owns, known owners stay, who left is removed', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    const [installer, owner, stays, gone, fresh] = [ids.user(), ids.user(), ids.user(), ids.user(), ids.user()];
    await storage.repos.teams.addMembers([
      membership(tenantId, teamId, owner, 'owner'),
      membership(tenantId, teamId, stays),
      membership(tenantId, teamId, gone),
    ]);
    const roster = [installer, owner, stays, fresh].map((userId, i) => ({ userId, displayName: `Person ${i}` }));
    const sync = await teams().syncRoster(tenantId, teamId, () => Promise.resolve(roster), installer);
    // The owner and stays rows from before carried no name: they are written again with one.
    expect(sync).toEqual({ read: 4, written: 4, removed: 1, owners: 'installer' });
    expect(await rolesIn(tenantId, teamId)).toEqual(
      [
        [installer, 'owner', NOW.toISOString()],
        [owner, 'owner', AT],
        [stays, 'member', AT],
        [fresh, 'member', NOW.toISOString()],
      ].sort(),
    );
    const names = (await storage.repos.teams.listMembers(tenantId, teamId)).map((m) => [m.userId, m.displayName]);
    expect(names.sort()).toEqual(roster.map((p) => [p.userId, p.displayName]).sort());
    // Issue #15: a roster read makes nobody a profile; people get one when they use the app themselves.
    expect(await storage.repos.members.getMany(tenantId, [installer, owner, stays, fresh])).toEqual([]);
    const again = await teams().syncRoster(tenantId, teamId, () => Promise.resolve(roster), installer);
    expect(again).toEqual({ read: 4, written: 0, removed: 0, owners: 'installer' });
  });

  it('membersJoined adds who is new as a member with their roster name (roles stay), makes no profiles; membersLeft removes', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    const [owner, nameless, named] = [ids.user(), ids.user(), ids.user()];
    await storage.repos.teams.addMembers([membership(tenantId, teamId, owner, 'owner')]);
    await teams().membersJoined(tenantId, teamId, [
      { userId: owner, displayName: 'Owner' },
      { userId: nameless, displayName: '' },
      { userId: named, displayName: 'Named' },
    ]);
    expect(await rolesIn(tenantId, teamId)).toEqual(
      [
        [owner, 'owner', AT],
        [nameless, 'member', NOW.toISOString()],
        [named, 'member', NOW.toISOString()],
      ].sort(),
    );
    expect(await storage.repos.members.getMany(tenantId, [owner, nameless, named])).toEqual([]);
    const names = new Map((await storage.repos.teams.listMembers(tenantId, teamId)).map((m) => [m.userId, m.displayName]));
    expect([names.get(owner), names.get(nameless), names.get(named)]).toEqual(['Owner', undefined, 'Named']);

    await teams().membersLeft(tenantId, teamId, [named, nameless]);
    expect(await rolesIn(tenantId, teamId)).toEqual([[owner, 'owner', AT]]);
  });
});

describe('the profile service: the tenant’s people', () => {
  it('inTenant lists every profile of the tenant by display name', async () => {
    const tenantId = ids.tenant();
    await storage.repos.members.putMany(['Zoë', 'anne', 'Bram'].map((displayName) => profile(tenantId, ids.user(), { displayName })));
    await storage.repos.members.put(profile(ids.tenant(), ids.user(), { displayName: 'Elsewhere' }));
    const profiles = createProfileService({
      members: storage.repos.members,
      experts: { refresh: () => Promise.resolve(), endorsementsOf: () => Promise.resolve([]) },
      skillHistory: storage.repos.skillHistory,
      now: () => NOW,
    });
    expect((await profiles.inTenant(tenantId)).map((p) => p.displayName)).toEqual(['anne', 'Bram', 'Zoë']);
  });
});
