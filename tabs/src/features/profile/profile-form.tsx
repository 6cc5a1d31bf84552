import { useEffect, useMemo, useState } from 'react';
import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Textarea,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../shared/api-client';
import type { ApiClient } from '../../shared/api-client';
import { errorMessageKey, errorMessageValues } from '../../shared/error-message';
import { PROFILE_LIMITS, skillDisplayName } from '../../../../bot/src/api/contract';
import type { ProfileResponse, UnknownSkillView } from '../../../../bot/src/api/contract';
import { putProfile } from './profile-api';
import { SkillCombobox } from '../../shared/ui/skill-combobox';
import { draftOfProfile, profileDraftStore } from './profile-draft';
import type { ProfileDraft } from './profile-draft';
import { SkillQuestions } from '../../shared/ui/skill-questions';
import { ProfileSwitches } from './profile-switches';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  title: { margin: 0 },
  skills: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  skill: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  skillName: { minWidth: '8rem', fontWeight: tokens.fontWeightSemibold },
  add: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

type SkillError =
  | { readonly key: 'skillEmpty' | 'skillDuplicate' }
  | { readonly key: 'skillTooLong'; readonly values: { readonly max: number; readonly count: number } };

const list = (text: string) =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
const sameSkill = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
/** A typed entry quoted back in a message: short, however long it was. */
const quoted = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

interface ProfileFormProps {
  readonly api: ApiClient;
  readonly profile: ProfileResponse;
  readonly debounceMs: number;
  readonly storage?: Storage;
}

export function ProfileForm({ api, profile, debounceMs, storage }: ProfileFormProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  // The reader's name for a skill, the same in its text, its level's label and its remove button.
  const shown = (skill: string) => skillDisplayName(skill, i18n.language);
  const store = useMemo(() => profileDraftStore(profile, storage), [profile, storage]);
  const [saved, setSaved] = useState<ProfileDraft>(() => draftOfProfile(profile));
  const [restored, setRestored] = useState(() => store.restore(saved) !== undefined);
  const [draft, setDraft] = useState<ProfileDraft>(() => store.restore(saved) ?? saved);
  const [endorsements, setEndorsements] = useState(profile.endorsements ?? []);
  const [normalised, setNormalised] = useState<ProfileResponse['normalised']>(undefined);
  const [newSkill, setNewSkill] = useState('');
  const [skillError, setSkillError] = useState<SkillError | undefined>(undefined);
  const [questions, setQuestions] = useState<readonly UnknownSkillView[]>([]);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ readonly ok: true } | { readonly ok: false; readonly error: unknown } | undefined>(undefined);
  const { teaches, wants, bio, languages, availability } = draft;
  const set = (change: Partial<ProfileDraft>) => setDraft((d) => ({ ...d, ...change }));

  // Every change is kept at once, so a reload or a closed tab loses nothing typed.
  useEffect(() => store.keep(draft, saved), [store, draft, saved]);

  const add = (name: string) => {
    const skill = name.trim();
    if (!skill) return setSkillError({ key: 'skillEmpty' });
    if (skill.length > PROFILE_LIMITS.skillChars)
      return setSkillError({ key: 'skillTooLong', values: { max: PROFILE_LIMITS.skillChars, count: skill.length } });
    if (teaches.some((k) => sameSkill(k.name, skill))) return setSkillError({ key: 'skillDuplicate' });
    setDraft((d) => ({ ...d, teaches: [...d.teaches, { name: skill, level: 1 }] }));
    setNewSkill('');
    setSkillError(undefined);
  };
  const bioTooLong = bio.length > PROFILE_LIMITS.bioChars;
  const longWant = list(wants).find((w) => w.length > PROFILE_LIMITS.skillChars);

  const discard = () => {
    store.clear();
    setDraft(saved);
    setRestored(false);
    setQuestions([]);
  };

  /** "Did you mean TypeScript?" answered with a known name: the typed skill is replaced in its field. */
  const use = (q: UnknownSkillView, name: string) => {
    setQuestions((all) => all.filter((x) => x !== q));
    setDraft((d) => {
      if (q.field === 'wants')
        return {
          ...d,
          wants: list(d.wants)
            .map((w) => (sameSkill(w, q.skill) ? name : w))
            .join(', '),
        };
      const renamed = d.teaches.map((k) => (sameSkill(k.name, q.skill) ? { ...k, name } : k));
      return { ...d, teaches: renamed.filter((k, i) => renamed.findIndex((x) => sameSkill(x.name, k.name)) === i) };
    });
  };
  const keep = (q: UnknownSkillView) => {
    setQuestions((all) => all.filter((x) => x !== q));
    setDraft((d) => ({ ...d, newSkills: [...d.newSkills, q.skill] }));
  };

  const save = async () => {
    if (bioTooLong || longWant !== undefined) return;
    setSaving(true);
    setOutcome(undefined);
    try {
      const answer = await putProfile(api, {
        bio: bio.trim(),
        teaches,
        wants: list(wants),
        languages: list(languages),
        availability: availability.trim(),
        ...(draft.newSkills.length > 0 ? { newSkills: draft.newSkills } : {}),
        // The switches are sent when changed only: absent keeps the stored choice, which the person may
        // have changed elsewhere meanwhile ("meldingen uit" in chat) while this form stood open.
        ...(draft.celebrateMilestones !== saved.celebrateMilestones ? { celebrateMilestones: draft.celebrateMilestones } : {}),
        ...(draft.requestAlerts !== saved.requestAlerts ? { requestAlerts: draft.requestAlerts } : {}),
      });
      // The service normalises spelling (`js` → JavaScript): show what was stored.
      const stored = draftOfProfile(answer);
      store.clear();
      setSaved(stored);
      setDraft(stored);
      setRestored(false);
      setQuestions([]);
      setEndorsements(answer.endorsements);
      setNormalised(answer.normalised);
      setOutcome({ ok: true });
    } catch (error) {
      // What was typed stays in the form; skills the service did not know are asked about under their field.
      if (error instanceof ApiRequestError && error.code === 'unknownSkill') setQuestions(error.unknownSkills);
      setOutcome({ ok: false, error });
    } finally {
      setSaving(false);
    }
  };
  const asked = (field: string) => questions.filter((q) => q.field === field);

  return (
    <form
      className={styles.form}
      data-testid="profile"
      aria-labelledby="profile-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Title2 as="h1" id="profile-title" className={styles.title}>
        {t('profile.title')}
      </Title2>
      <Body1 as="p">
        {profile.displayName}
        {profile.sessionsTaught > 0 ? ` · ${t('profile.taught', { count: profile.sessionsTaught })}` : null}
      </Body1>
      {restored ? (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{t('profile.draftRestored')}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={discard}>
              {t('profile.discardDraft')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {outcome?.ok ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {t('profile.saved')}
            {normalised && normalised.length > 0
              ? ` ${t('profile.normalised', { list: normalised.map((n) => `${n.from} → ${n.to}`).join(', ') })}`
              : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome && !outcome.ok ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t('profile.saveFailed')}{' '}
            {outcome.error instanceof ApiRequestError && outcome.error.code === 'unknownSkill'
              ? t('profile.answerSkillQuestions')
              : t(`common.errors.${errorMessageKey(outcome.error)}`, errorMessageValues(outcome.error))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <h2 className={styles.heading}>{t('profile.teaches')}</h2>
      {teaches.length === 0 ? <Body1 as="p">{t('profile.noSkills')}</Body1> : null}
      <ul className={styles.skills}>
        {teaches.map((skill) => (
          <li key={skill.name} className={styles.skill}>
            <span className={styles.skillName}>{shown(skill.name)}</span>
            <Endorsed count={endorsements.find((e) => e.skill === skill.name)?.count ?? 0} />
            <Select
              aria-label={t('profile.skillLevel', { skill: shown(skill.name) })}
              value={String(skill.level)}
              onChange={(_, d) => {
                const level = d.value === '3' ? 3 : d.value === '2' ? 2 : 1;
                setDraft((dr) => ({ ...dr, teaches: dr.teaches.map((k) => (k.name === skill.name ? { ...k, level } : k)) }));
              }}
            >
              <option value="1">{t('experts.levels.1')}</option>
              <option value="2">{t('experts.levels.2')}</option>
              <option value="3">{t('experts.levels.3')}</option>
            </Select>
            <Button appearance="subtle" onClick={() => set({ teaches: teaches.filter((k) => k.name !== skill.name) })}>
              {t('profile.removeSkill', { skill: shown(skill.name) })}
            </Button>
          </li>
        ))}
      </ul>
      <SkillQuestions questions={asked('teaches')} onUse={use} onKeep={keep} />
      <div className={styles.add}>
        <Field
          label={t('profile.addSkill')}
          {...(skillError
            ? {
                validationMessage: t(`profile.errors.${skillError.key}`, 'values' in skillError ? skillError.values : {}),
                validationState: 'error' as const,
              }
            : {})}
        >
          <SkillCombobox
            api={api}
            value={newSkill}
            debounceMs={debounceMs}
            exclude={teaches.map((k) => k.name)}
            onChange={(value) => {
              setNewSkill(value);
              setSkillError(undefined);
            }}
            onCommit={add}
          />
        </Field>
        <Button onClick={() => add(newSkill)}>{t('profile.addSkillButton')}</Button>
      </div>
      <Field
        label={t('profile.wants')}
        {...(longWant !== undefined
          ? {
              validationMessage: t('profile.errors.wantTooLong', { skill: quoted(longWant), max: PROFILE_LIMITS.skillChars }),
              validationState: 'error' as const,
            }
          : {})}
      >
        <Input value={wants} onChange={(_, d) => set({ wants: d.value })} />
      </Field>
      <SkillQuestions questions={asked('wants')} onUse={use} onKeep={keep} />
      <Field label={t('profile.languages')}>
        <Input value={languages} onChange={(_, d) => set({ languages: d.value })} />
      </Field>
      <Field label={t('profile.availability')}>
        <Input value={availability} onChange={(_, d) => set({ availability: d.value })} maxLength={PROFILE_LIMITS.availabilityChars} />
      </Field>
      <Field
        label={t('profile.bio')}
        {...(bioTooLong
          ? { validationMessage: t('profile.errors.bioTooLong', { max: PROFILE_LIMITS.bioChars }), validationState: 'error' as const }
          : {})}
      >
        <Textarea value={bio} onChange={(_, d) => set({ bio: d.value })} rows={4} resize="vertical" />
      </Field>
      <ProfileSwitches celebrateMilestones={draft.celebrateMilestones} requestAlerts={draft.requestAlerts} onChange={set} />
      <div>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? t('profile.saving') : t('profile.save')}
        </Button>
      </div>
    </form>
  );
}

function Endorsed({ count }: { readonly count: number }) {
  const { t } = useTranslation();
  return count > 0 ? <Body1>{t('experts.endorsements', { count })}</Body1> : null;
}
