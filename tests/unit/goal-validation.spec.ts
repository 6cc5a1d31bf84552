import { describe, expect, it } from '@jest/globals';
import { addDaysToDate, todayIn } from '../../bot/src/domain/insights/goal-period';
import { checkGoals } from '../../bot/src/domain/insights/goal-validation';
import { MAX_GOALS } from '../../bot/src/domain/insights/goals';
import { checkPulseAnswers, pulseResults } from '../../bot/src/domain/insights/pulse-rules';
import type { Pulse } from '../../bot/src/domain/insights/pulse';

const ZONE = 'Europe/Amsterdam';
const NOW = new Date();
// Days on the team's clock (around midnight UTC and Amsterdam disagree on the date).
const day = (offset: number) => addDaysToDate(todayIn(NOW, ZONE), offset);
const problems = (body: unknown) => {
  const checked = checkGoals(body, NOW, ZONE);
  return checked.ok ? [] : checked.problems.map((p) => `${p.field}:${p.code}`);
};

describe('goal validation (PUT …/goals body)', () => {
  it('accepts the four kinds and normalises the skill through the taxonomy', () => {
    const checked = checkGoals(
      {
        goals: [
          { kind: 'sessions', target: 2, period: 'month' },
          { kind: 'teachers', target: 100, period: 'quarter', goalId: 'abc' },
          { kind: 'participation', target: 80, period: 'quarter' },
          { kind: 'skillCoverage', target: 3, skill: '  kubernetes ', due: day(60) },
        ],
      },
      NOW,
      ZONE,
    );
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.goals[1]).toEqual({ goalId: 'abc', kind: 'teachers', target: 100, period: 'quarter' });
      expect(checked.goals[3]).toEqual({ kind: 'skillCoverage', target: 3, skill: 'Kubernetes', due: day(60) });
    }
  });

  it('names each bad field as goals[i].field', () => {
    expect(
      problems({
        goals: [
          { kind: 'sessions', target: 61, period: 'month' },
          { kind: 'teachers', target: 2.5, period: 'year' },
          { kind: 'coffee', target: 1 },
          { kind: 'skillCoverage', target: 0, skill: '!!!', due: day(-1) },
          { kind: 'skillCoverage', target: 1, skill: 'Excel', due: day(2 * 366 + 1) },
          { kind: 'skillCoverage', target: 1, skill: 'Excel', due: '2026-02-30' },
          { kind: 'participation', target: 50, period: 'month', skill: 'x' },
          'nope',
        ],
      }),
    ).toEqual([
      'goals[0].target:outOfRange',
      'goals[1].target:notAnInteger',
      'goals[1].period:unknownValue',
      'goals[2].kind:unknownValue',
      'goals[3].target:outOfRange',
      'goals[3].skill:emptySkill',
      'goals[3].due:inPast',
      'goals[4].due:tooFarAhead',
      'goals[5].due:badDate',
      'goals[6].skill:unknownField',
      'goals[7]:notAnObject',
    ]);
  });

  it('today is not in the past; the targets’ edges are allowed', () => {
    expect(problems({ goals: [{ kind: 'skillCoverage', target: 50, skill: 'Excel', due: day(0) }] })).toEqual([]);
    expect(problems({ goals: [{ kind: 'sessions', target: 1, period: 'month' }] })).toEqual([]);
    expect(problems({ goals: [{ kind: 'skillCoverage', target: 51, skill: 'Excel', due: day(3) }] })).toEqual([
      'goals[0].target:outOfRange',
    ]);
  });

  it('required fields, the list itself, unknown fields, too many, duplicates', () => {
    expect(problems({ goals: [{ kind: 'sessions' }] })).toEqual(['goals[0].target:required', 'goals[0].period:required']);
    expect(problems({ goals: [{}] })).toEqual(['goals[0].kind:required']);
    expect(problems({})).toEqual(['goals:required']);
    expect(problems({ goals: 'many' })).toEqual(['goals:notAList']);
    expect(problems([])).toEqual(['body:notAnObject']);
    expect(problems({ goals: [], extra: 1 })).toEqual(['extra:unknownField']);
    const many = Array.from({ length: MAX_GOALS + 1 }, (_, i) => ({ kind: 'sessions', target: i + 1, period: 'month' }));
    expect(problems({ goals: many })).toEqual(['goals:tooMany']);
    expect(
      problems({
        goals: [
          { kind: 'skillCoverage', target: 2, skill: 'Kubernetes', due: day(9) },
          { kind: 'skillCoverage', target: 2, skill: 'kubernetes', due: day(9) },
          { kind: 'sessions', target: 2, period: 'month' },
          { kind: 'sessions', target: 2, period: 'quarter' },
        ],
      }),
    ).toEqual(['goals[1]:duplicate']);
  });
});

describe('pulse answers and results', () => {
  it('three integers 1–5 (a card sends them as text); anything else names answers.<question>', () => {
    expect(checkPulseAnswers({ learnedFromColleague: 5, timeToLearn: '1', wouldRecommend: 3 })).toEqual({
      ok: true,
      scores: { learnedFromColleague: 5, timeToLearn: 1, wouldRecommend: 3 },
    });
    const bad = checkPulseAnswers({ learnedFromColleague: 6, timeToLearn: 2.5, mood: 3 });
    expect(bad.ok ? [] : bad.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'answers.mood:unknownField',
      'answers.learnedFromColleague:outOfRange',
      'answers.timeToLearn:notAnInteger',
      'answers.wouldRecommend:required',
    ]);
    expect(checkPulseAnswers('5')).toEqual({ ok: false, problems: [{ field: 'answers', code: 'notAnObject' }] });
    const zero = checkPulseAnswers({ learnedFromColleague: '0', timeToLearn: 1, wouldRecommend: 1 });
    expect(zero.ok ? [] : zero.problems).toEqual([{ field: 'answers.learnedFromColleague', code: 'outOfRange' }]);
  });

  const pulse = (responses: number, counts: Pulse['counts']['timeToLearn']): Pulse => ({
    tenantId: 't',
    teamId: 'team',
    pulseId: 'p1',
    channelId: 'team',
    postedBy: 'owner',
    postedAt: new Date(NOW.getTime() - 86_400_000).toISOString(),
    closesAt: new Date(NOW.getTime() + 86_400_000).toISOString(),
    responses,
    counts: { learnedFromColleague: counts, timeToLearn: counts, wouldRecommend: [0, 0, 0, 0, responses] },
  });

  it('shows no scores below five answers, only the count', () => {
    const results = pulseResults(pulse(4, [0, 0, 2, 2, 0]), NOW);
    expect(results).toMatchObject({ responses: 4, open: true });
    expect(results.questions).toBeUndefined();
  });

  it('from five answers: the average per question (1·1 + 3·2 + 5·2 = 17 / 5 = 3.4)', () => {
    const results = pulseResults(pulse(5, [1, 0, 2, 0, 2]), NOW);
    expect(results.questions?.map((q) => [q.question, q.average])).toEqual([
      ['learnedFromColleague', 3.4],
      ['timeToLearn', 3.4],
      ['wouldRecommend', 5],
    ]);
    expect(pulseResults(pulse(5, [1, 0, 2, 0, 2]), new Date(NOW.getTime() + 2 * 86_400_000)).open).toBe(false);
  });
});
