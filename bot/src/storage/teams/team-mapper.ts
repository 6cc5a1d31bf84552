import { z } from 'zod';
import type { Team } from '../../domain/teams/team';
import { id, isoTime, jsonText, parseRow, toEntity } from '../shared/entity-schema';
import { TABLES, teamKey } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

const channel = z.object({ channelId: id, name: z.string() });

const row = z.object({
  tenantId: id,
  teamId: id,
  name: z.string(),
  aadGroupId: z.string().optional(),
  locale: z.string(),
  // Team settings came later: rows written before them have neither and read as the defaults.
  reminderMinutes: jsonText(z.array(z.number().int())).optional(),
  timeZone: z.string().optional(),
  quietWeeks: z.number().int().optional(),
  channels: jsonText(z.array(channel)),
  createdAt: isoTime,
  updatedAt: isoTime,
  uninstalledAt: isoTime.optional(),
});

export function teamToEntity(team: Team): NewEntity {
  return toEntity(teamKey(team.tenantId, team.teamId), {
    tenantId: team.tenantId,
    teamId: team.teamId,
    name: team.name,
    aadGroupId: team.aadGroupId,
    locale: team.locale,
    reminderMinutes: team.reminderMinutes ? JSON.stringify(team.reminderMinutes) : undefined,
    timeZone: team.timeZone,
    quietWeeks: team.quietWeeks,
    channels: JSON.stringify(team.channels.map((c) => ({ channelId: c.channelId, name: c.name }))),
    createdAt: team.createdAt,
    updatedAt: team.updatedAt,
    uninstalledAt: team.uninstalledAt,
  });
}

export function teamFromEntity(entity: StoredEntity): Team {
  const { aadGroupId, reminderMinutes, timeZone, quietWeeks, uninstalledAt, ...rest } = parseRow(TABLES.teams, entity, row, (r) =>
    teamKey(r.tenantId, r.teamId),
  );
  return {
    ...rest,
    ...(aadGroupId ? { aadGroupId } : {}),
    ...(reminderMinutes ? { reminderMinutes } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(quietWeeks !== undefined ? { quietWeeks } : {}),
    ...(uninstalledAt ? { uninstalledAt } : {}),
  };
}
