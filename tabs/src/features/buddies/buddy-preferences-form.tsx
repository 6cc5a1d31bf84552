import { useState } from 'react';
import type { FormEvent } from 'react';
import { Body1, Button, Checkbox, Field, Switch, ToggleButton, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { MEET_MODES, WEEKDAYS } from '../../../../bot/src/api/contract';
import type { BuddyMeResponse, MeetMode, UpdateBuddyMeRequest, Weekday } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { ApiRequestError } from '../../shared/api-client';
import { saveMyBuddy } from './buddies-api';
import { useBuddyWords } from './buddy-words';
import { useProblemText } from './buddy-problems';
import { SaveOutcomeBar } from '../../shared/ui/save-outcome';
import type { SaveOutcome } from '../../shared/ui/save-outcome';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  chip: { minWidth: '3.25rem' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

interface BuddyPreferencesFormProps {
  readonly api: ApiClient;
  readonly status: BuddyMeResponse;
  /** The service's answer after a save: what it stored. */
  readonly onSaved: (status: BuddyMeResponse) => void;
}

/** Opt in or out, skip the next round, also across the organisation, and when and how I can meet. */
export function BuddyPreferencesForm({ api, status, onSaved }: BuddyPreferencesFormProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const words = useBuddyWords();
  const problemText = useProblemText();
  const [optIn, setOptIn] = useState(status.optIn);
  const [skipNext, setSkipNext] = useState(status.skipNext);
  const [across, setAcross] = useState(status.acrossOrganisation);
  const [days, setDays] = useState<ReadonlySet<Weekday>>(new Set(status.availability.days));
  const [modes, setModes] = useState<ReadonlySet<MeetMode>>(new Set(status.availability.modes));
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>(undefined);
  const daysId = useId('buddy-days');
  const modesId = useId('buddy-modes');

  const server = outcome && !outcome.ok && outcome.error instanceof ApiRequestError ? outcome.error.fields : {};
  // Checked here first, as the service does: at least one day and one way to meet.
  const daysProblem = (submitted && days.size === 0 ? 'empty' : undefined) ?? server['availability.days'] ?? server['availability'];
  const modesProblem = (submitted && modes.size === 0 ? 'empty' : undefined) ?? server['availability.modes'];
  const fieldError = (code: string | undefined) =>
    code !== undefined ? { validationMessage: problemText(code), validationState: 'error' as const } : {};

  const toggle = <T,>(set: ReadonlySet<T>, value: T, on: boolean): ReadonlySet<T> => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };
  const changed = () => setOutcome(undefined);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (days.size === 0 || modes.size === 0) return;
    setSaving(true);
    setOutcome(undefined);
    const change: UpdateBuddyMeRequest = {
      optIn,
      skipNext,
      acrossOrganisation: across,
      // In the week's order, whatever order they were clicked in.
      availability: { days: WEEKDAYS.filter((d) => days.has(d)), modes: MEET_MODES.filter((m) => modes.has(m)) },
    };
    try {
      const saved = await saveMyBuddy(api, status.teamId, change);
      setSubmitted(false);
      setOutcome({ ok: true });
      onSaved(saved);
    } catch (error) {
      // Everything chosen stays; only the message changes.
      setOutcome({ ok: false, error });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={styles.form} noValidate onSubmit={(e) => void save(e)} aria-label={t('buddies.title')}>
      <SaveOutcomeBar outcome={outcome} saved={t('buddies.saved')} failed={t('buddies.saveFailed')} />
      <Field {...fieldError(server['optIn'])}>
        <Switch
          label={t('buddies.optIn')}
          checked={optIn}
          onChange={(_, d) => {
            changed();
            setOptIn(d.checked);
          }}
        />
      </Field>
      <Field hint={t('buddies.skipNextHint')} {...fieldError(server['skipNext'])}>
        <Checkbox
          label={t('buddies.skipNext')}
          checked={skipNext}
          disabled={!optIn && !across}
          onChange={(_, d) => {
            changed();
            setSkipNext(d.checked === true);
          }}
        />
      </Field>
      <Field hint={t('buddies.acrossOrganisationHint')} {...fieldError(server['acrossOrganisation'])}>
        <Checkbox
          label={t('buddies.acrossOrganisation')}
          checked={across}
          onChange={(_, d) => {
            changed();
            setAcross(d.checked === true);
          }}
        />
      </Field>
      <fieldset className={styles.fieldset} aria-describedby={daysProblem ? `${daysId}-error` : undefined}>
        <legend id={daysId} className={styles.legend}>
          {t('buddies.days')}
        </legend>
        <div className={styles.chips}>
          {WEEKDAYS.map((day) => (
            <ToggleButton
              key={day}
              className={styles.chip}
              shape="circular"
              size="small"
              checked={days.has(day)}
              onClick={() => {
                changed();
                setDays((current) => toggle(current, day, !current.has(day)));
              }}
            >
              {/* Short on screen, whole for a screen reader: an aria-label would not contain the visible text. */}
              <span aria-hidden="true">{t(`buddies.weekdays.${day}`)}</span>
              <span className={styles.hidden}>{words.weekdayName(day)}</span>
            </ToggleButton>
          ))}
        </div>
        <Problem id={`${daysId}-error`} code={daysProblem} />
      </fieldset>
      <fieldset className={styles.fieldset} aria-describedby={modesProblem ? `${modesId}-error` : undefined}>
        <legend id={modesId} className={styles.legend}>
          {t('buddies.modes')}
        </legend>
        <div className={styles.chips}>
          {MEET_MODES.map((mode) => (
            <Checkbox
              key={mode}
              label={words.modeName(mode)}
              checked={modes.has(mode)}
              onChange={(_, d) => {
                changed();
                setModes((current) => toggle(current, mode, d.checked === true));
              }}
            />
          ))}
        </div>
        <Problem id={`${modesId}-error`} code={modesProblem} />
      </fieldset>
      <div>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? t('buddies.saving') : t('buddies.save')}
        </Button>
      </div>
    </form>
  );
}

/** A group's problem, said right below it (and announced). */
function Problem({ id, code }: { readonly id: string; readonly code: string | undefined }) {
  const styles = useStyles();
  const problemText = useProblemText();
  if (code === undefined) return null;
  return (
    <Body1 as="p" id={id} role="alert" className={styles.error}>
      {problemText(code)}
    </Body1>
  );
}
