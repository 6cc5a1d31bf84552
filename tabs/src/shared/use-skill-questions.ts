import { useCallback, useState } from 'react';
import type { UnknownSkillView } from '../../../bot/src/api/contract';
import { ApiRequestError } from './api-client';

/**
 * The "did you mean TypeScript?" state of one skills field (a comma-separated text): the questions a
 * 400 `unknownSkill` raised, a suggestion taken into the field, and the skills kept as new on purpose
 * (sent as `newSkills` with the next save, so the team's taxonomy gains them deliberately).
 */
export function useSkillQuestions(value: string, setValue: (next: string) => void) {
  const [questions, setQuestions] = useState<readonly UnknownSkillView[]>([]);
  const [newSkills, setNewSkills] = useState<readonly string[]>([]);
  const use = (question: UnknownSkillView, name: string) => {
    setQuestions((all) => all.filter((q) => q !== question));
    setValue(
      value
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .map((s) => (s.toLowerCase() === question.skill.toLowerCase() ? name : s))
        .filter((s) => s !== '')
        .join(', '),
    );
  };
  const keep = (question: UnknownSkillView) => {
    setQuestions((all) => all.filter((q) => q !== question));
    setNewSkills((all) => [...all, question.skill]);
  };
  /** True when the error was the service asking about skills: the questions are then shown under the field. */
  const asked = useCallback((error: unknown): boolean => {
    if (!(error instanceof ApiRequestError) || error.code !== 'unknownSkill') return false;
    setQuestions(error.unknownSkills);
    return true;
  }, []);
  const reset = useCallback(() => {
    setQuestions([]);
    setNewSkills([]);
  }, []);
  /** What the save sends besides the form: the skills kept as new, when there are any. */
  const confirmed = newSkills.length > 0 ? { newSkills } : {};
  return { questions, use, keep, asked, reset, confirmed };
}
