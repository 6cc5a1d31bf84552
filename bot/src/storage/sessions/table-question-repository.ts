import type { QuestionRepository } from '../../domain/shared/repositories';
import type { SessionQuestion } from '../../domain/sessions/session-question';
import { questionsPartition } from '../shared/keys';
import { questionFromEntity, questionToEntity } from './question-mapper';
import type { StorageTable } from '../shared/storage-table';

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
