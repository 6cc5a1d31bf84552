import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Field, Input, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { GOAL_KINDS, GOAL_PERIODS, MAX_GOALS } from '../../../../bot/src/api/contract';
import type { GoalInput, GoalKind, GoalPeriod, GoalsResponse, TeamGoal } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { ApiRequestError } from '../../shared/api-client';
import { SaveOutcomeBar } from '../../shared/ui/save-outcome';
import type { SaveOutcome } from '../../shared/ui/save-outcome';
import { saveGoals } from './goals-api';
import { useGoalWords } from './goal-words';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  goal: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  legend: { margin: 0 },
  target: { width: '7rem' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** One goal as the form holds it: text fields as typed, checked by the service on save. */
interface Draft {
  readonly key: number;
  readonly goalId?: string;
  readonly kind: GoalKind;
  readonly target: string;
  readonly period: GoalPeriod;
  readonly skill: string;
  readonly due: string;
}

let drafted = 0;
const draftOf = (goal?: TeamGoal): Draft => ({
  key: (drafted += 1),
  ...(goal ? { goalId: goal.goalId } : {}),
  kind: goal?.kind ?? 'sessions',
  target: String(goal?.target ?? 2),
  period: goal && goal.kind !== 'skillCoverage' ? goal.period : 'month',
  skill: goal?.kind === 'skillCoverage' ? goal.skill : '',
  due: goal?.kind === 'skillCoverage' ? goal.due : '',
});

const isKind = (value: string): value is GoalKind => (GOAL_KINDS as readonly string[]).includes(value);
const isPeriod = (value: string): value is GoalPeriod => (GOAL_PERIODS as readonly string[]).includes(value);

/** What is sent: a target the service can check as a number (an empty or odd text goes as typed, and is named back). */
function inputOf(d: Draft): GoalInput {
  const target = d.target.trim() === '' || Number.isNaN(Number(d.target)) ? (d.target as unknown as number) : Number(d.target);
  const id = d.goalId ? { goalId: d.goalId } : {};
  return d.kind === 'skillCoverage'
    ? { ...id, kind: d.kind, target, skill: d.skill, due: d.due }
    : { ...id, kind: d.kind, target, period: d.period };
}

interface GoalsEditorProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly locale: string;
  readonly initial: GoalsResponse;
  readonly onSaved: (saved: GoalsResponse) => void;
}

/** Owners: add, change and remove the team's goals; the service's problems show at their fields. */
export function GoalsEditor({ api, teamId, locale, initial, onSaved }: GoalsEditorProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const words = useGoalWords(locale);
  const [drafts, setDrafts] = useState<readonly Draft[]>(() => initial.goals.map((g) => draftOf(g.goal)));
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>(undefined);
  const server = outcome && !outcome.ok && outcome.error instanceof ApiRequestError ? outcome.error.fields : {};

  const change = (key: number, patch: Partial<Draft>) => {
    setOutcome(undefined);
    setDrafts((all) => all.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  };
  const fieldError = (index: number, field: string, kind: GoalKind) => {
    const code = server[`goals[${index}].${field}`] ?? (field === 'kind' ? server[`goals[${index}]`] : undefined);
    return code !== undefined ? { validationMessage: words.problem(code, kind), validationState: 'error' as const } : {};
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setOutcome(undefined);
    try {
      const saved = await saveGoals(api, teamId, { goals: drafts.map(inputOf) });
      setOutcome({ ok: true });
      setDrafts(saved.goals.map((g) => draftOf(g.goal)));
      onSaved(saved);
    } catch (error) {
      setOutcome({ ok: false, error });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={styles.form} noValidate onSubmit={(e) => void save(e)} aria-label={t('goals.title')}>
      <SaveOutcomeBar outcome={outcome} saved={t('goals.saved')} failed={t('goals.saveFailed')} />
      {drafts.length === 0 ? <p>{t('goals.none')}</p> : null}
      {drafts.map((d, index) => {
        const number = index + 1;
        return (
          <fieldset key={d.key} className={styles.goal} aria-label={t('goals.goal', { number })}>
            <Subtitle2 as="h4" className={styles.legend}>
              {t('goals.goal', { number })}
            </Subtitle2>
            <div className={styles.row}>
              <Field label={t('goals.kind')} {...fieldError(index, 'kind', d.kind)}>
                <Select value={d.kind} onChange={(_, v) => isKind(v.value) && change(d.key, { kind: v.value })}>
                  {GOAL_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`goals.kinds.${kind}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('goals.target')} {...fieldError(index, 'target', d.kind)}>
                <Input
                  className={styles.target}
                  type="number"
                  inputMode="numeric"
                  value={d.target}
                  onChange={(_, v) => change(d.key, { target: v.value })}
                />
              </Field>
              {d.kind === 'skillCoverage' ? (
                <>
                  <Field label={t('goals.skill')} {...fieldError(index, 'skill', d.kind)}>
                    <Input value={d.skill} maxLength={60} onChange={(_, v) => change(d.key, { skill: v.value })} />
                  </Field>
                  <Field label={t('goals.due')} {...fieldError(index, 'due', d.kind)}>
                    <Input type="date" value={d.due} onChange={(_, v) => change(d.key, { due: v.value })} />
                  </Field>
                </>
              ) : (
                <Field label={t('goals.period')} {...fieldError(index, 'period', d.kind)}>
                  <Select value={d.period} onChange={(_, v) => isPeriod(v.value) && change(d.key, { period: v.value })}>
                    {GOAL_PERIODS.map((period) => (
                      <option key={period} value={period}>
                        {t(`goals.periods.${period}`)}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
            </div>
            <div>
              <Button
                onClick={() => {
                  setOutcome(undefined);
                  setDrafts((all) => all.filter((x) => x.key !== d.key));
                }}
              >
                {t('goals.remove', { number })}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div className={styles.actions}>
        <Button
          disabled={drafts.length >= MAX_GOALS}
          onClick={() => {
            setOutcome(undefined);
            setDrafts((all) => [...all, draftOf()]);
          }}
        >
          {t('goals.add')}
        </Button>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? t('goals.saving') : t('goals.save')}
        </Button>
      </div>
      {drafts.length >= MAX_GOALS ? <p>{t('goals.maxReached', { count: MAX_GOALS })}</p> : null}
    </form>
  );
}
