import type { FeedbackRepository } from '../../domain/shared/repositories';
import type { Feedback } from '../../domain/sessions/session';
import { feedbackFromEntity, feedbackToEntity } from './feedback-mapper';
import { feedbackKey, feedbackPartition } from '../shared/keys';
import type { StorageTable } from '../shared/storage-table';

export class TableFeedbackRepository implements FeedbackRepository {
  constructor(private readonly table: StorageTable) {}

  async listForSession(tenantId: string, sessionId: string): Promise<Feedback[]> {
    return (await this.table.listPartition(feedbackPartition(tenantId, sessionId))).map(feedbackFromEntity);
  }

  async get(tenantId: string, sessionId: string, userId: string): Promise<Feedback | undefined> {
    const row = await this.table.get(feedbackKey(tenantId, sessionId, userId));
    return row && feedbackFromEntity(row);
  }

  /** One answer per attendee and session; answering again replaces the earlier answer. */
  async put(feedback: Feedback): Promise<void> {
    await this.table.upsert(feedbackToEntity(feedback));
  }

  async putMany(feedback: readonly Feedback[]): Promise<void> {
    await this.table.putMany(feedback.map(feedbackToEntity));
  }
}
