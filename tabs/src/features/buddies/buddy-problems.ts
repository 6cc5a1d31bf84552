import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** The problem codes of a refused buddy change (`BuddyProblem['code']` in the domain), as `error.problems` carries them. */
const PROBLEM_CODES = ['notBoolean', 'notAList', 'empty', 'unknownValue', 'outOfRange', 'badTime', 'unknownField', 'notAnObject'] as const;
type ProblemCode = (typeof PROBLEM_CODES)[number];

const isProblemCode = (code: string): code is ProblemCode => (PROBLEM_CODES as readonly string[]).includes(code);

/** A field's problem in the reader's language; a code this tab does not know yet shows as the service wrote it. */
export function useProblemText(): (code: string) => string {
  const { t } = useTranslation();
  return useCallback((code: string) => (isProblemCode(code) ? t(`buddies.problems.${code}`) : code), [t]);
}
