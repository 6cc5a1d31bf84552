import { Spinner, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RsvpAnswer } from './board-session';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  status: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  dimmed: { opacity: 0.6 },
});

const answers: readonly RsvpAnswer[] = ['yes', 'maybe', 'no'];

interface RsvpButtonsProps {
  readonly title: string;
  readonly value: RsvpAnswer | null | undefined;
  /** The answer on its way to the service, if any. */
  readonly pending?: RsvpAnswer | undefined;
  /** Clicked while another was on its way: sent once that one is saved. */
  readonly queued?: RsvpAnswer | undefined;
  /** The "going" answer waits in line (the session is full). */
  readonly waitlisted?: boolean | undefined;
  /** Their place in line, when the service said it. */
  readonly waitlistPosition?: number | undefined;
  readonly onAnswer: (answer: RsvpAnswer) => void;
}

/**
 * Going / maybe / can't as three toggle buttons; the pressed one is your current answer. While an
 * answer is saved, that button says so and the others are dimmed; a click on one of them is not
 * lost: it is queued (and said) and sent once the first is saved. A "going" that waits in line
 * reads "On the waitlist (3rd)", never a highlighted "Going".
 */
export function RsvpButtons({ title, value, pending, queued, waitlisted, waitlistPosition, onAnswer }: RsvpButtonsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const busy = pending !== undefined;
  const labelOf = (answer: RsvpAnswer): string => {
    if (answer !== 'yes' || value !== 'yes' || !waitlisted || busy) return t(`rsvp.${answer}`);
    return waitlistPosition ? t('rsvp.onWaitlist', { count: waitlistPosition, ordinal: true }) : t('rsvp.onWaitlistNoPlace');
  };
  const status = !busy ? '' : queued && queued !== pending ? t('rsvp.savingThen', { answer: t(`rsvp.${queued}`) }) : t('rsvp.saving');
  return (
    <div className={styles.root}>
      <div
        className={styles.buttons}
        role="group"
        aria-label={t('rsvp.label', { title })}
        aria-busy={busy}
        // Fluent swallows clicks on an aria-disabled button; while saving they are caught here and queued.
        onClickCapture={(event) => {
          if (!busy || !(event.target instanceof Element)) return;
          const clicked = event.target.closest('[data-rsvp]')?.getAttribute('data-rsvp');
          const answer = answers.find((a) => a === clicked);
          if (answer && (answer !== pending || queued !== undefined)) onAnswer(answer);
        }}
      >
        {answers.map((answer) => {
          const shown = busy ? pending : value;
          const chosen = shown === answer;
          const inLine = chosen && answer === 'yes' && waitlisted === true && !busy;
          return (
            <ToggleButton
              key={answer}
              size="small"
              appearance={chosen && !inLine ? 'primary' : 'secondary'}
              checked={chosen}
              // Dimmed but focusable and clickable: a click while saving is queued, not dropped.
              aria-disabled={busy && !chosen ? true : undefined}
              data-rsvp={answer}
              data-pending={busy && chosen ? true : undefined}
              data-queued={busy && queued === answer && !chosen ? true : undefined}
              data-waitlisted={inLine ? true : undefined}
              {...(busy && chosen ? { icon: <Spinner size="extra-tiny" aria-hidden /> } : {})}
              {...(busy && !chosen ? { className: styles.dimmed } : {})}
              onClick={() => {
                if (!busy && value !== answer) onAnswer(answer);
              }}
            >
              {busy && chosen ? t('rsvp.pending') : labelOf(answer)}
            </ToggleButton>
          );
        })}
      </div>
      <span className={styles.status} role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
