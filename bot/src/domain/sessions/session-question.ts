/** A question to the host before a session. Anonymous questions store no asker at all. */
export interface SessionQuestion {
  readonly tenantId: string;
  readonly teamId: string;
  readonly sessionId: string;
  readonly questionId: string;
  readonly text: string;
  /** Absent when the asker chose to stay anonymous: nothing links the question to them. */
  readonly askerId?: string;
  readonly askedAt: string;
}

export { QUESTION_MAX_LENGTH } from './session-limits';
