import { z } from 'zod';
import type { TeamSkill, TeamSkillRepository } from '../../domain/experts/team-skills';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { TABLES, teamSkillKey, teamSkillsPartition } from '../shared/keys';
import { statusOf } from '../shared/storage-errors';
import type { StorageTable, StoredEntity } from '../shared/storage-table';

const teamSkillRow = z.object({
  tenantId: id,
  teamId: id,
  key: id,
  name: id,
  addedBy: id.optional(),
  addedAt: isoTime,
});

const keyOf = (s: Pick<TeamSkill, 'tenantId' | 'teamId' | 'key'>) => teamSkillKey(s.tenantId, s.teamId, s.key);

function fromRow(entity: StoredEntity): TeamSkill {
  const row = parseRow(TABLES.teamSkills, entity, teamSkillRow, keyOf);
  const { addedBy, ...rest } = row;
  return addedBy === undefined ? rest : { ...rest, addedBy };
}

export class TableTeamSkillRepository implements TeamSkillRepository {
  constructor(private readonly table: StorageTable) {}

  async listForTeam(tenantId: string, teamId: string): Promise<TeamSkill[]> {
    return (await this.table.listPartition(teamSkillsPartition(tenantId, teamId))).map(fromRow);
  }

  async add(skill: TeamSkill): Promise<boolean> {
    try {
      await this.table.create(
        toEntity(keyOf(skill), {
          tenantId: skill.tenantId,
          teamId: skill.teamId,
          key: skill.key,
          name: skill.name,
          addedBy: skill.addedBy,
          addedAt: skill.addedAt,
        }),
      );
      return true;
    } catch (error) {
      // Two people confirming the same skill at once: the first stays its adder, the second changes nothing.
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }
}
