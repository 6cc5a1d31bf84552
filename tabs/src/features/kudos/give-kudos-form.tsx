import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Select, Field, MessageBar, MessageBarBody, Textarea, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { KUDOS_MESSAGE_MAX_LENGTH, KUDOS_PROBLEMS, KUDOS_SKILL_MAX } from '../../../../bot/src/api/contract';
import type { KudosField, KudosProblemCode } from '../../../../bot/src/api/contract';
import { ApiRequestError } from '../../shared/api-client';
import type { ApiClient } from '../../shared/api-client';
import { SaveOutcomeBar } from '../../shared/ui/save-outcome';
import type { SaveOutcome } from '../../shared/ui/save-outcome';
import { SkillCombobox } from '../../shared/ui/skill-combobox';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { useAsync } from '../../shared/use-async';
import { getKudosChoices, giveKudos } from './kudos-api';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '36rem' },
});

interface KudosForm {
  readonly toUserId: string;
  readonly message: string;
  readonly skill: string;
}
type Problems = Partial<Record<KudosField, KudosProblemCode>>;

const emptyForm: KudosForm = { toUserId: '', message: '', skill: '' };
const isProblemCode = (code: string): code is KudosProblemCode => (KUDOS_PROBLEMS as readonly string[]).includes(code);
const FIELDS: readonly KudosField[] = ['toUserId', 'message', 'skill', 'channelId'];

/** What the form can tell before asking the service (the service checks the rest: members, the taxonomy). */
function checkForm(form: KudosForm): Problems {
  const problems: Problems = {};
  const message = form.message.trim();
  if (form.toUserId === '') problems.toUserId = 'toRequired';
  if (message === '') problems.message = 'messageRequired';
  else if (message.length > KUDOS_MESSAGE_MAX_LENGTH) problems.message = 'messageTooLong';
  if (form.skill.trim().length > KUDOS_SKILL_MAX) problems.skill = 'skillInvalid';
  return problems;
}

interface GiveKudosFormProps {
  readonly api: ApiClient;
  readonly teamId: string;
  /** A thank-you was stored: the wall shows it. */
  readonly onGiven: () => void;
}

/** Issue #12: kudos from the tab, to a colleague of the team, posted in the channel like the bot's. */
export function GiveKudosForm({ api, teamId, onGiven }: GiveKudosFormProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const ids = { to: useId('kudos-to'), skill: useId('kudos-skill') };
  const load = useCallback((signal: AbortSignal) => getKudosChoices(api, teamId, signal), [api, teamId]);
  const choices = useAsync(load);
  const [form, setForm] = useState<KudosForm>(emptyForm);
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>(undefined);
  const [sentTo, setSentTo] = useState('');

  const set = (field: keyof KudosForm, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    // A fixed field loses its message at once; the others keep theirs until the next try.
    setProblems((p) => {
      if (!p[field]) return p;
      const { [field]: _gone, ...rest } = p;
      return rest;
    });
  };

  const fieldProps = (field: KudosField) => {
    const code = problems[field];
    if (!code) return {};
    const max = code === 'skillInvalid' ? KUDOS_SKILL_MAX : KUDOS_MESSAGE_MAX_LENGTH;
    return { validationState: 'error' as const, validationMessage: t(`kudos.give.problems.${code}`, { max }) };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkForm(form);
    setProblems(found);
    setOutcome(undefined);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const given = await giveKudos(api, teamId, {
        toUserId: form.toUserId,
        message: form.message.trim(),
        ...(form.skill.trim() ? { skill: form.skill.trim() } : {}),
      });
      setSentTo(given.to.displayName || t('kudos.someone'));
      setForm(emptyForm);
      setOutcome({ ok: true });
      onGiven();
    } catch (error) {
      const fromService: Problems = {};
      if (error instanceof ApiRequestError && error.status === 400)
        for (const [field, code] of Object.entries(error.fields))
          if ((FIELDS as readonly string[]).includes(field) && isProblemCode(code)) fromService[field as KudosField] = code;
      setProblems(fromService);
      setOutcome(Object.keys(fromService).length > 0 ? undefined : { ok: false, error });
    } finally {
      setBusy(false);
    }
  };

  if (choices.status === 'loading') return <LoadingState label={t('kudos.give.loading')} />;
  if (choices.status === 'error') return <ErrorState error={choices.error} onRetry={choices.retry} headingLevel={3} />;
  const people = choices.data.people;
  const hasProblems = Object.keys(problems).length > 0;

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-label={t('kudos.give.title')}>
      <SaveOutcomeBar outcome={outcome} saved={t('kudos.give.sent', { name: sentTo })} failed={t('kudos.give.failed')} />
      {hasProblems ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('kudos.give.invalid')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t('kudos.give.to')} required {...fieldProps('toUserId')}>
        <Select id={ids.to} value={form.toUserId} onChange={(_, d) => set('toUserId', d.value)}>
          <option value="">{t('kudos.give.toPlaceholder')}</option>
          {people.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.displayName || t('kudos.someone')}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('kudos.give.message')}
        required
        hint={t('kudos.give.messageHint', { count: form.message.trim().length, max: KUDOS_MESSAGE_MAX_LENGTH })}
        {...fieldProps('message')}
      >
        <Textarea value={form.message} resize="vertical" rows={3} onChange={(_, d) => set('message', d.value)} />
      </Field>
      <Field label={t('kudos.give.skill')} hint={t('kudos.give.skillHint')} {...fieldProps('skill')}>
        <SkillCombobox api={api} id={ids.skill} value={form.skill} onChange={(v) => set('skill', v)} />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? t('kudos.give.sending') : t('kudos.give.submit')}
        </Button>
      </div>
    </form>
  );
}
