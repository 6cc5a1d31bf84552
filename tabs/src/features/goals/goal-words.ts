import { useTranslation } from 'react-i18next';
import { GOAL_TARGET_RANGE } from '../../../../bot/src/api/contract';
import type { GoalKind, GoalProgress, TeamGoal } from '../../../../bot/src/api/contract';

const PROBLEMS = [
  'required',
  'badDate',
  'unknownValue',
  'outOfRange',
  'notAnInteger',
  'inPast',
  'tooFarAhead',
  'tooMany',
  'duplicate',
  'emptySkill',
  'tooLong',
] as const;
type KnownProblem = (typeof PROBLEMS)[number];
const isKnown = (code: string): code is KnownProblem => (PROBLEMS as readonly string[]).includes(code);

/** The goals' texts in the reader's language: a goal in words, its progress, a problem code of the API. */
export function useGoalWords(locale: string) {
  const { t } = useTranslation();
  const date = (iso: string) =>
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  return {
    describe(goal: TeamGoal): string {
      if (goal.kind === 'skillCoverage')
        return t('goals.describe.skillCoverage', { target: goal.target, skill: goal.skill, due: date(goal.due) });
      return t(`goals.describe.${goal.kind}_${goal.period}`, { target: goal.target });
    },
    value(progress: GoalProgress): string {
      const { kind } = progress.goal;
      const unit = kind === 'sessions' ? 'sessions' : kind === 'skillCoverage' ? 'people' : 'percent';
      return t(`goals.progress.value_${unit}`, { value: progress.value, target: progress.target });
    },
    /** A problem code of the API (or the form's own check) for a field of a goal of `kind`. */
    problem(code: string, kind: GoalKind): string {
      if (!isKnown(code)) return t('goals.problem.other');
      return t(`goals.problem.${code}`, GOAL_TARGET_RANGE[kind]);
    },
  };
}
