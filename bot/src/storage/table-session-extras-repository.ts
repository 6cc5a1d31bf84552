import type { KudosRepository, QuestionRepository } from '../domain/repositories';
import type { Kudos, SessionQuestion } from '../domain/session-extras';
import { kudosKey, kudosPartition, questionsPartition } from './keys';
import { kudosFromEntity, kudosToEntity, questionFromEntity, questionToEntity } from './session-extras-mapper';
import type { StorageTable } from './storage-table';

export class TableQuestionRepository implements QuestionRepository {
  constructor(private readonly table: StorageTable) {}

  async add(question: SessionQuestion): Promise<void> {
    await this.table.create(questionToEntity(question));
  }

  async listForSession(tenantId: string, sessionId: string): Promise<SessionQuestion[]> {
    const rows = (await this.table.listPartition(questionsPartition(tenantId, sessionId))).map(questionFromEntity);
    return rows.sort((a, b) => a.askedAt.localeCompare(b.askedAt));
  }
}

export class TableKudosRepository implements KudosRepository {
  constructor(private readonly table: StorageTable) {}

  async add(kudos: Kudos): Promise<void> {
    await this.table.create(kudosToEntity(kudos));
  }

  async get(tenantId: string, teamId: string, kudosId: string): Promise<Kudos | undefined> {
    const entity = await this.table.get(kudosKey(tenantId, teamId, kudosId));
    return entity && kudosFromEntity(entity);
  }

  async listForTeam(tenantId: string, teamId: string): Promise<Kudos[]> {
    const rows = (await this.table.listPartition(kudosPartition(tenantId, teamId))).map(kudosFromEntity);
    return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}
