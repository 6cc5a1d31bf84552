import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { CADENCE_WEEKS, WEEKDAYS } from '../../../../bot/src/api/contract';
import type { BuddyCadence, BuddyCadenceBody, Weekday } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { ApiRequestError } from '../../shared/api-client';
import { saveBuddyCadence } from './buddies-api';
import { useProblemText } from './buddy-problems';
import { useBuddyWords } from './buddy-words';
import { SaveOutcomeBar } from '../../shared/ui/save-outcome';
import type { SaveOutcome } from '../../shared/ui/save-outcome';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  time: { width: '8rem' },
});

/** `HH:mm`, 24-hour, as the service stores a cadence's time. */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** What a new cadence starts from when the owner switches rounds on. */
const DEFAULT_CADENCE: BuddyCadence = { everyWeeks: 2, weekday: 'mon', time: '10:00' };

const isWeeks = (value: number): value is BuddyCadence['everyWeeks'] => (CADENCE_WEEKS as readonly number[]).includes(value);
const isWeekday = (value: string): value is Weekday => (WEEKDAYS as readonly string[]).includes(value);

interface CadenceFormProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly initial: BuddyCadenceBody;
  readonly onSaved: (saved: BuddyCadenceBody) => void;
}

/** Owners: every 1, 2 or 4 weeks on a weekday at a time in the team's time zone, or off. */
export function CadenceForm({ api, teamId, initial, onSaved }: CadenceFormProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const words = useBuddyWords();
  const problemText = useProblemText();
  const start = initial.cadence ?? DEFAULT_CADENCE;
  const [on, setOn] = useState(initial.cadence !== null);
  const [everyWeeks, setEveryWeeks] = useState(start.everyWeeks);
  const [weekday, setWeekday] = useState(start.weekday);
  const [time, setTime] = useState(start.time);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>(undefined);

  const server = outcome && !outcome.ok && outcome.error instanceof ApiRequestError ? outcome.error.fields : {};
  const timeProblem = on && !TIME.test(time) ? 'badTime' : server['cadence.time'];
  const fieldError = (code: string | undefined) =>
    code !== undefined ? { validationMessage: problemText(code), validationState: 'error' as const } : {};

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (on && !TIME.test(time)) return;
    setSaving(true);
    setOutcome(undefined);
    try {
      const saved = await saveBuddyCadence(api, teamId, on ? { everyWeeks, weekday, time } : null);
      setOutcome({ ok: true });
      onSaved(saved);
    } catch (error) {
      setOutcome({ ok: false, error });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={styles.form} noValidate onSubmit={(e) => void save(e)} aria-label={t('buddies.settings.title')}>
      <SaveOutcomeBar outcome={outcome} saved={t('buddies.settings.saved')} failed={t('buddies.settings.saveFailed')} />
      <Field label={t('buddies.settings.cadence')} {...fieldError(server['cadence.everyWeeks'] ?? server['cadence'])}>
        <Select
          value={on ? String(everyWeeks) : 'off'}
          onChange={(_, d) => {
            setOutcome(undefined);
            const weeks = Number(d.value);
            setOn(isWeeks(weeks));
            if (isWeeks(weeks)) setEveryWeeks(weeks);
          }}
        >
          <option value="off">{t('buddies.settings.off')}</option>
          {CADENCE_WEEKS.map((weeks) => (
            <option key={weeks} value={String(weeks)}>
              {t('buddies.settings.every', { count: weeks })}
            </option>
          ))}
        </Select>
      </Field>
      {on ? (
        <div className={styles.row}>
          <Field label={t('buddies.settings.weekday')} {...fieldError(server['cadence.weekday'])}>
            <Select
              value={weekday}
              onChange={(_, d) => {
                setOutcome(undefined);
                if (isWeekday(d.value)) setWeekday(d.value);
              }}
            >
              {WEEKDAYS.map((day) => (
                <option key={day} value={day}>
                  {words.weekdayName(day)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('buddies.settings.time')} {...fieldError(timeProblem)}>
            <Input
              className={styles.time}
              type="time"
              value={time}
              onChange={(_, d) => {
                setOutcome(undefined);
                setTime(d.value);
              }}
            />
          </Field>
        </div>
      ) : null}
      <div>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? t('buddies.settings.saving') : t('buddies.settings.save')}
        </Button>
      </div>
    </form>
  );
}
