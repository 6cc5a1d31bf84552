import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { UnknownSkillView } from '../../../../bot/src/api/contract';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface SkillQuestionsProps {
  /** The field's skills the service did not know (400 `unknownSkill`). */
  readonly questions: readonly UnknownSkillView[];
  readonly onUse: (question: UnknownSkillView, name: string) => void;
  readonly onKeep: (question: UnknownSkillView) => void;
}

/**
 * "Did you mean TypeScript?" under the field it is about: one click takes a known name, or keeps
 * the typed skill as a new one on purpose; either way nothing is stored until the person saves.
 */
export function SkillQuestions({ questions, onUse, onKeep }: SkillQuestionsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (questions.length === 0) return null;
  return (
    <div className={styles.list}>
      {questions.map((q) => (
        <MessageBar key={`${q.field}-${q.index}-${q.skill}`} intent="warning" layout="multiline">
          <MessageBarBody>
            {q.suggestions.length > 0
              ? t('skillQuestions.didYouMean', { skill: q.skill })
              : t('skillQuestions.unknownSkill', { skill: q.skill })}
          </MessageBarBody>
          <MessageBarActions>
            <span className={styles.actions}>
              {q.suggestions.map((name) => (
                <Button key={name} size="small" appearance="primary" onClick={() => onUse(q, name)}>
                  {t('skillQuestions.useSuggestion', { name })}
                </Button>
              ))}
              <Button size="small" onClick={() => onKeep(q)}>
                {t('skillQuestions.keepAsNew', { skill: q.skill })}
              </Button>
            </span>
          </MessageBarActions>
        </MessageBar>
      ))}
    </div>
  );
}
