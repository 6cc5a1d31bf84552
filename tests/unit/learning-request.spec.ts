import { describe, expect, it } from '@jest/globals';
import {
  boardOrder,
  mayClose,
  newLearningRequest,
  openRequestFor,
  planTake,
  planVote,
  REQUEST_PROBLEMS,
  validateLearningRequestInput,
} from '../../bot/src/domain/requests/learning-request';
import type { LearningRequest } from '../../bot/src/domain/requests/learning-request';
import { SEEDED_TAXONOMY } from '../../bot/src/domain/experts/skill-taxonomy';
import { t } from '../../bot/src/cards/shared/i18n';

const at = new Date('2026-11-27T12:00:00.000Z');
const base = (overrides: Partial<LearningRequest> = {}): LearningRequest => ({
  ...newLearningRequest({ tenantId: 't', teamId: 'team', requestId: 'r1', authorUserId: 'anna' }, { skill: 'TypeScript' }, at),
  ...overrides,
});

describe('learning request rules', () => {
  it('normalises the skill with the taxonomy and tidies the note', () => {
    expect(validateLearningRequestInput({ skill: ' ts ', note: '  Generics\r\nplease  ' })).toEqual({
      ok: true,
      draft: { skill: 'TypeScript', note: 'Generics\nplease' },
    });
    expect(validateLearningRequestInput({ skill: 'kusto', note: '' })).toEqual({ ok: true, draft: { skill: 'Kusto' } });
    const team = SEEDED_TAXONOMY.withAdditions(['Mainframe COBOL']);
    expect(validateLearningRequestInput({ skill: 'mainframe cobol' }, team)).toEqual({ ok: true, draft: { skill: 'Mainframe COBOL' } });
  });

  it('names every problem at once', () => {
    expect(validateLearningRequestInput({ skill: 'x'.repeat(61), note: 'n'.repeat(501) })).toEqual({
      ok: false,
      problems: [
        { field: 'skill', code: 'skillTooLong' },
        { field: 'note', code: 'noteTooLong' },
      ],
    });
    expect(validateLearningRequestInput({ skill: '   ', note: 5 })).toEqual({
      ok: false,
      problems: [
        { field: 'skill', code: 'skillRequired' },
        { field: 'note', code: 'noteInvalid' },
      ],
    });
    expect(validateLearningRequestInput({ skill: '?!' })).toEqual({ ok: false, problems: [{ field: 'skill', code: 'skillInvalid' }] });
    expect(validateLearningRequestInput({ skill: 42 })).toEqual({ ok: false, problems: [{ field: 'skill', code: 'skillInvalid' }] });
    expect(validateLearningRequestInput(null)).toEqual({ ok: false, problems: [{ field: 'body', code: 'bodyInvalid' }] });
    // A note of exactly 500 characters is fine.
    expect(validateLearningRequestInput({ skill: 'SQL', note: 'n'.repeat(500) }).ok).toBe(true);
  });

  it('every problem code has an English and a Dutch text', () => {
    for (const code of REQUEST_PROBLEMS) {
      expect(t('en', `requests:problem_${code}`)).not.toBe('');
      expect(t('nl', `requests:problem_${code}`)).not.toBe(t('en', `requests:problem_${code}`));
    }
  });

  it('a new request is open with the author as its first vote; duplicates are found by skill key', () => {
    const r = base();
    expect(r).toMatchObject({ status: 'open', votes: 1, createdAt: at.toISOString() });
    expect(openRequestFor([r], 'typescript')).toBe(r);
    expect(openRequestFor([{ ...r, status: 'taken' }], 'TypeScript')).toBeUndefined();
  });

  it('board order: only open ones, most votes first, then newest', () => {
    const a = base({ requestId: 'a', votes: 2, createdAt: '2026-11-01T00:00:00.000Z' });
    const b = base({ requestId: 'b', votes: 5, createdAt: '2026-10-01T00:00:00.000Z' });
    const c = base({ requestId: 'c', votes: 2, createdAt: '2026-11-02T00:00:00.000Z' });
    const d = base({ requestId: 'd', votes: 9, status: 'closed' });
    expect(boardOrder([a, b, c, d]).map((r) => r.requestId)).toEqual(['b', 'c', 'a']);
  });

  it('votes are idempotent per person and the author keeps theirs', () => {
    const r = base({ votes: 3 });
    expect(planVote(r, 'bob', false, true)).toEqual({ votes: 4 });
    expect(planVote(r, 'bob', true, true)).toBeUndefined();
    expect(planVote(r, 'bob', true, false)).toEqual({ votes: 2 });
    expect(planVote(r, 'bob', false, false)).toBeUndefined();
    expect(planVote(r, 'anna', true, false)).toBeUndefined();
  });

  it('taking: open → taken by the caller; again fine; others, the author and closed ones refused', () => {
    const r = base();
    const taken = planTake(r, 'expert', at);
    expect(taken).toMatchObject({ ok: true, changed: true, request: { status: 'taken', takenBy: 'expert' } });
    const after = taken.ok ? taken.request : r;
    expect(planTake(after, 'expert', at)).toMatchObject({ ok: true, changed: false });
    expect(planTake(after, 'someone', at)).toEqual({ ok: false, reason: 'takenByOther' });
    expect(planTake(r, 'anna', at)).toEqual({ ok: false, reason: 'ownRequest' });
    expect(planTake(base({ status: 'closed' }), 'expert', at)).toEqual({ ok: false, reason: 'closed' });
  });

  it('closing: the author or an owner', () => {
    expect(mayClose(base(), 'anna', false)).toBe(true);
    expect(mayClose(base(), 'bob', true)).toBe(true);
    expect(mayClose(base(), 'bob', false)).toBe(false);
  });
});
