import { Fragment, useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import { LanguageOptions } from '../../shared/ui/language-options';
import type { FormEvent } from 'react';
import { Body1, Button, Field, Input, Select, Subtitle1, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { QUIET_WEEKS_RANGE, REMINDER_MAX_COUNT } from '../../../../bot/src/api/contract';
import type { TeamSettingsResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { ApiRequestError } from '../../shared/api-client';
import { getMe } from '../../shared/get-me';
import type { KeyValueStore } from '../../shared/local-store';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { MessageState } from '../../shared/ui/message-state';
import { rowProblems, timeZoneOptions, toMinutes, toRow } from './reminder-rows';
import type { ReminderProblem, ReminderRow, ReminderUnit } from './reminder-rows';
import { getTeamSettings, saveTeamSettings } from './team-settings-api';
import { quietWeeksProblem } from './quiet-weeks';
import { SaveOutcomeBar } from '../../shared/ui/save-outcome';
import type { SaveOutcome } from '../../shared/ui/save-outcome';
import { pickTeam, useChosenTeam } from '../../shared/chosen-team';
import { TeamPicker } from '../../shared/ui/team-picker';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground2, margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  amount: { width: '7rem' },
  remove: { alignSelf: 'flex-end' },
  error: { color: tokens.colorPaletteRedForeground1, margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  facts: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
});

interface TeamSettingsSectionProps {
  readonly api: ApiClient;
  readonly store?: KeyValueStore | undefined;
  /** The team Teams opened the tab in; otherwise one of the caller's teams. */
  readonly contextTeamId?: string | undefined;
  /** More settings of the same team, below these (learning buddies); composed by the app. */
  readonly teamSections?: ((teamId: string) => ReactNode) | undefined;
}

/** Team settings: reminders, time zone and card language. Owners edit them, members read them. */
export function TeamSettingsSection({ api, store, contextTeamId, teamSections }: TeamSettingsSectionProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const headingId = useId('team-settings');
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="team-settings">
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('teamSettings.title')}
      </Subtitle1>
      {contextTeamId ? (
        <>
          <TeamSettingsLoader api={api} teamId={contextTeamId} />
          {teamSections?.(contextTeamId)}
        </>
      ) : (
        <MyTeamSettings api={api} store={store} teamSections={teamSections} />
      )}
    </section>
  );
}

function MyTeamSettings({ api, store, teamSections }: Pick<TeamSettingsSectionProps, 'api' | 'store' | 'teamSections'>) {
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => getMe(api, signal), [api]);
  const me = useAsync(load);
  const { chosen, choose } = useChosenTeam(store);
  if (me.status === 'loading') return <LoadingState label={t('teamSettings.loading')} />;
  if (me.status === 'error') return <ErrorState error={me.error} onRetry={me.retry} headingLevel={3} />;
  const team = pickTeam(me.data.teams, chosen);
  if (!team) return <MessageState headingLevel={3} title={t('teamSettings.noTeamTitle')} text={t('teamSettings.noTeamText')} />;
  return (
    <>
      <TeamPicker teams={me.data.teams} teamId={team.teamId} onChoose={choose} label={t('teamSettings.team')} />
      <TeamSettingsLoader key={team.teamId} api={api} teamId={team.teamId} />
      <Fragment key={`sections-${team.teamId}`}>{teamSections?.(team.teamId)}</Fragment>
    </>
  );
}

function TeamSettingsLoader({ api, teamId }: { readonly api: ApiClient; readonly teamId: string }) {
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => getTeamSettings(api, teamId, signal), [api, teamId]);
  const settings = useAsync(load);
  if (settings.status === 'loading') return <LoadingState label={t('teamSettings.loading')} />;
  if (settings.status === 'error') return <ErrorState error={settings.error} onRetry={settings.retry} headingLevel={3} />;
  return settings.data.canEdit ? <TeamSettingsForm api={api} initial={settings.data} /> : <TeamSettingsReadOnly settings={settings.data} />;
}

/** "1 day before", "15 minutes before", in the reader's language. */
function useBeforeText() {
  const { t } = useTranslation();
  return (minutes: number) => {
    const row = toRow(minutes);
    const count = Number(row.amount);
    if (row.unit === 'days') return t('teamSettings.before_days', { count });
    if (row.unit === 'hours') return t('teamSettings.before_hours', { count });
    return t('teamSettings.before_minutes', { count });
  };
}

const LANGUAGE_NAMES = { en: 'English', nl: 'Nederlands' } as const;

function TeamSettingsReadOnly({ settings }: { readonly settings: TeamSettingsResponse }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const before = useBeforeText();
  return (
    <>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('teamSettings.reminders')}</dt>
        <dd className={styles.detail}>
          {settings.reminderMinutes.length === 0 ? t('teamSettings.noReminders') : settings.reminderMinutes.map(before).join(', ')}
        </dd>
        <dt className={styles.term}>{t('teamSettings.timeZone')}</dt>
        <dd className={styles.detail}>{settings.timeZone}</dd>
        <dt className={styles.term}>{t('teamSettings.locale')}</dt>
        <dd className={styles.detail} lang={settings.locale}>
          {LANGUAGE_NAMES[settings.locale]}
        </dd>
        <dt className={styles.term}>{t('teamSettings.quietWeeks')}</dt>
        <dd className={styles.detail}>{t('teamSettings.quietWeeksValue', { count: settings.quietWeeks })}</dd>
      </dl>
      <Body1 as="p" className={styles.hint}>
        {t('teamSettings.ownersOnly')}
      </Body1>
    </>
  );
}

function TeamSettingsForm({ api, initial }: { readonly api: ApiClient; readonly initial: TeamSettingsResponse }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [rows, setRows] = useState<ReminderRow[]>(() => initial.reminderMinutes.map(toRow));
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [locale, setLocale] = useState(initial.locale);
  const [quietWeeks, setQuietWeeks] = useState(String(initial.quietWeeks));
  const [touched, setTouched] = useState<ReadonlySet<number>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>(undefined);
  const [zones] = useState(() => timeZoneOptions(initial.timeZone));
  const legendId = useId('reminders-legend');
  const hintId = useId('reminders-hint');

  const problems = rowProblems(rows);
  const quietProblem = quietWeeksProblem(quietWeeks);
  const serverFields = outcome && !outcome.ok && outcome.error instanceof ApiRequestError ? outcome.error.fields : {};
  const problemText = (code: string | undefined) =>
    code ? t(`teamSettings.problems.${code as ReminderProblem}`, { defaultValue: code }) : undefined;
  /** A Field's error state for a problem code, or nothing at all. */
  const problemProps = (code: string | undefined) => {
    const message = problemText(code);
    return message !== undefined ? { validationMessage: message, validationState: 'error' as const } : {};
  };

  const change = (index: number, patch: Partial<ReminderRow>) => {
    setOutcome(undefined);
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (rowProblems(rows).some((p) => p !== undefined) || quietProblem) return;
    setSaving(true);
    setOutcome(undefined);
    try {
      const saved = await saveTeamSettings(api, initial.teamId, {
        reminderMinutes: rows.map((r) => toMinutes(r) ?? 0),
        timeZone,
        locale,
        quietWeeks: Number(quietWeeks),
      });
      setRows(saved.reminderMinutes.map(toRow));
      setQuietWeeks(String(saved.quietWeeks));
      setTouched(new Set());
      setSubmitted(false);
      setOutcome({ ok: true });
    } catch (error) {
      // Everything typed stays in the form; only the message changes.
      setOutcome({ ok: false, error });
    } finally {
      setSaving(false);
    }
  };

  const serverReminderProblem = problemText(serverFields['reminderMinutes']);
  return (
    <form className={styles.form} noValidate onSubmit={(e) => void save(e)} aria-label={t('teamSettings.title')}>
      <SaveOutcomeBar outcome={outcome} saved={t('teamSettings.saved')} failed={t('teamSettings.saveFailed')} />
      <fieldset className={styles.fieldset} aria-describedby={hintId}>
        <legend id={legendId} className={styles.legend}>
          {t('teamSettings.reminders')}
        </legend>
        <Body1 as="p" id={hintId} className={styles.hint}>
          {t('teamSettings.remindersHint')}
        </Body1>
        {rows.length === 0 ? <Body1 as="p">{t('teamSettings.noReminders')}</Body1> : null}
        {rows.map((row, index) => {
          const n = index + 1;
          const problem = submitted || touched.has(index) ? problems[index] : undefined;
          return (
            <div key={index} className={styles.row} data-testid="reminder-row">
              <Field label={t('teamSettings.reminderAmount', { n })} {...problemProps(problem)}>
                <Input
                  className={styles.amount}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  value={row.amount}
                  onChange={(_, d) => change(index, { amount: d.value })}
                  onBlur={() => setTouched((s) => new Set(s).add(index))}
                />
              </Field>
              <Field label={t('teamSettings.reminderUnit', { n })}>
                <Select value={row.unit} onChange={(_, d) => change(index, { unit: d.value as ReminderUnit })}>
                  <option value="minutes">{t('teamSettings.units.minutes')}</option>
                  <option value="hours">{t('teamSettings.units.hours')}</option>
                  <option value="days">{t('teamSettings.units.days')}</option>
                </Select>
              </Field>
              <Button
                appearance="subtle"
                className={styles.remove}
                aria-label={t('teamSettings.removeReminder', { n })}
                onClick={() => {
                  setOutcome(undefined);
                  setTouched(new Set());
                  setRows((current) => current.filter((_, i) => i !== index));
                }}
              >
                ✕
              </Button>
            </div>
          );
        })}
        {serverReminderProblem ? (
          <Body1 as="p" role="alert" className={styles.error}>
            {serverReminderProblem}
          </Body1>
        ) : null}
        <div>
          <Button
            disabled={rows.length >= REMINDER_MAX_COUNT}
            onClick={() => {
              setOutcome(undefined);
              setRows((current) => [...current, { amount: '', unit: 'hours' }]);
            }}
          >
            {t('teamSettings.addReminder')}
          </Button>
        </div>
      </fieldset>
      <Field label={t('teamSettings.timeZone')} hint={t('teamSettings.timeZoneHint')} {...problemProps(serverFields['timeZone'])}>
        <Select
          value={timeZone}
          onChange={(_, d) => {
            setOutcome(undefined);
            setTimeZone(d.value);
          }}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('teamSettings.locale')} {...problemProps(serverFields['locale'])}>
        <Select
          value={locale}
          onChange={(_, d) => {
            setOutcome(undefined);
            setLocale(d.value === 'nl' ? 'nl' : 'en');
          }}
        >
          <LanguageOptions />
        </Select>
      </Field>
      <Field
        label={t('teamSettings.quietWeeks')}
        hint={t('teamSettings.quietWeeksHint')}
        {...problemProps((submitted ? quietProblem : undefined) ?? serverFields['quietWeeks'])}
      >
        <Input
          className={styles.amount}
          type="number"
          inputMode="numeric"
          min={QUIET_WEEKS_RANGE.min}
          max={QUIET_WEEKS_RANGE.max}
          value={quietWeeks}
          onChange={(_, d) => {
            setOutcome(undefined);
            setQuietWeeks(d.value);
          }}
        />
      </Field>
      <Body1 as="p" className={styles.hint}>
        {t('teamSettings.appliesLater')}
      </Body1>
      <div>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? t('teamSettings.saving') : t('teamSettings.save')}
        </Button>
      </div>
    </form>
  );
}
