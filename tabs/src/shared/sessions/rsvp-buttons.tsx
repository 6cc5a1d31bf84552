import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RsvpAnswer } from './board-session';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const answers: readonly RsvpAnswer[] = ['yes', 'maybe', 'no'];

interface RsvpButtonsProps {
  readonly title: string;
  readonly value: RsvpAnswer | null | undefined;
  readonly busy: boolean;
  readonly onAnswer: (answer: RsvpAnswer) => void;
}

/** Going / maybe / can't as three toggle buttons; the pressed one is your current answer. */
export function RsvpButtons({ title, value, busy, onAnswer }: RsvpButtonsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.root} role="group" aria-label={t('rsvp.label', { title })} aria-busy={busy}>
      {answers.map((answer) => (
        <ToggleButton
          key={answer}
          size="small"
          appearance={value === answer ? 'primary' : 'secondary'}
          checked={value === answer}
          data-rsvp={answer}
          onClick={() => {
            if (!busy && value !== answer) onAnswer(answer);
          }}
        >
          {t(`rsvp.${answer}`)}
        </ToggleButton>
      ))}
    </div>
  );
}
