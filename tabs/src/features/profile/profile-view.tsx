import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../shared/api-client';
import { errorMessageKey, errorMessageValues } from '../../shared/error-message';
import { PROFILE_LIMITS } from '../../../../bot/src/api/contract';
import type { ApiTeachSkill, ProfileResponse } from '../../../../bot/src/api/contract';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { getProfile, putProfile } from './profile-api';
import { SkillCombobox } from '../../shared/ui/skill-combobox';
import ErasedState from './erased-state';
import { PrivacySection } from './privacy-section';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  title: { margin: 0 },
  skills: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  skill: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  skillName: { minWidth: '8rem', fontWeight: tokens.fontWeightSemibold },
  add: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

interface ProfileViewProps {
  readonly api: ApiClient;
  readonly debounceMs?: number;
  /** After the person erased their data: the shell then shows nothing else (and calls nothing) until a reload. */
  readonly onErased?: () => void;
  /** My profile → Learning buddy, composed by the app (features never import each other). */
  readonly buddies?: ReactNode;
}

export default function ProfileView({ api, debounceMs = 250, onErased, buddies }: ProfileViewProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [erased, setErased] = useState(false);
  const load = useCallback((signal: AbortSignal) => getProfile(api, signal), [api]);
  const profile = useAsync(load);
  if (erased) return <ErasedState />;
  if (profile.status === 'loading') return <LoadingState label={t('profile.loading')} />;
  if (profile.status === 'error') return <ErrorState headingLevel={2} error={profile.error} onRetry={profile.retry} />;
  return (
    <div className={styles.page}>
      <ProfileForm api={api} profile={profile.data} debounceMs={debounceMs} />
      {buddies}
      <PrivacySection
        api={api}
        onErased={() => {
          setErased(true);
          onErased?.();
        }}
      />
    </div>
  );
}

function ProfileForm({
  api,
  profile,
  debounceMs,
}: {
  readonly api: ApiClient;
  readonly profile: ProfileResponse;
  readonly debounceMs: number;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [teaches, setTeaches] = useState<readonly ApiTeachSkill[]>(profile.teaches);
  const [wants, setWants] = useState(profile.wants.join(', '));
  const [bio, setBio] = useState(profile.bio);
  const [languages, setLanguages] = useState((profile.languages ?? []).join(', '));
  const [availability, setAvailability] = useState(profile.availability ?? '');
  const [endorsements, setEndorsements] = useState(profile.endorsements ?? []);
  const [normalised, setNormalised] = useState<ProfileResponse['normalised']>(undefined);
  const [newSkill, setNewSkill] = useState('');
  const [skillError, setSkillError] = useState<'skillEmpty' | 'skillDuplicate' | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ readonly ok: true } | { readonly ok: false; readonly error: unknown } | undefined>(undefined);
  const list = (text: string) =>
    text
      .split(',')
      .map((w) => w.trim())
      .filter((w) => w !== '');

  const add = (name: string) => {
    const skill = name.trim();
    if (!skill) return setSkillError('skillEmpty');
    if (teaches.some((k) => k.name.toLowerCase() === skill.toLowerCase())) return setSkillError('skillDuplicate');
    setTeaches((list) => [...list, { name: skill, level: 1 }]);
    setNewSkill('');
    setSkillError(undefined);
  };
  const bioTooLong = bio.length > PROFILE_LIMITS.bioChars;

  const save = async () => {
    if (bioTooLong) return;
    setSaving(true);
    setOutcome(undefined);
    try {
      const saved = await putProfile(api, {
        bio: bio.trim(),
        teaches,
        wants: list(wants),
        languages: list(languages),
        availability: availability.trim(),
      });
      // The service normalises spelling (`js` → JavaScript): show what was stored.
      setTeaches(saved.teaches);
      setWants(saved.wants.join(', '));
      setEndorsements(saved.endorsements);
      setNormalised(saved.normalised);
      setOutcome({ ok: true });
    } catch (error) {
      // What was typed stays in the form.
      setOutcome({ ok: false, error });
    } finally {
      setSaving(false);
    }
  };

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
            {t('profile.saveFailed')} {t(`common.errors.${errorMessageKey(outcome.error)}`, errorMessageValues(outcome.error))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <h2 className={styles.heading}>{t('profile.teaches')}</h2>
      {teaches.length === 0 ? <Body1 as="p">{t('profile.noSkills')}</Body1> : null}
      <ul className={styles.skills}>
        {teaches.map((skill) => (
          <li key={skill.name} className={styles.skill}>
            <span className={styles.skillName}>{skill.name}</span>
            <Endorsed count={endorsements.find((e) => e.skill === skill.name)?.count ?? 0} />
            <Select
              aria-label={t('profile.skillLevel', { skill: skill.name })}
              value={String(skill.level)}
              onChange={(_, d) => {
                const level = d.value === '3' ? 3 : d.value === '2' ? 2 : 1;
                setTeaches((list) => list.map((k) => (k.name === skill.name ? { ...k, level } : k)));
              }}
            >
              <option value="1">{t('experts.levels.1')}</option>
              <option value="2">{t('experts.levels.2')}</option>
              <option value="3">{t('experts.levels.3')}</option>
            </Select>
            <Button appearance="subtle" onClick={() => setTeaches((list) => list.filter((k) => k.name !== skill.name))}>
              {t('profile.removeSkill', { skill: skill.name })}
            </Button>
          </li>
        ))}
      </ul>
      <div className={styles.add}>
        <Field
          label={t('profile.addSkill')}
          {...(skillError ? { validationMessage: t(`profile.errors.${skillError}`), validationState: 'error' as const } : {})}
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
      <Field label={t('profile.wants')}>
        <Input value={wants} onChange={(_, d) => setWants(d.value)} />
      </Field>
      <Field label={t('profile.languages')}>
        <Input value={languages} onChange={(_, d) => setLanguages(d.value)} />
      </Field>
      <Field label={t('profile.availability')}>
        <Input value={availability} onChange={(_, d) => setAvailability(d.value)} maxLength={PROFILE_LIMITS.availabilityChars} />
      </Field>
      <Field
        label={t('profile.bio')}
        {...(bioTooLong
          ? { validationMessage: t('profile.errors.bioTooLong', { max: PROFILE_LIMITS.bioChars }), validationState: 'error' as const }
          : {})}
      >
        <Textarea value={bio} onChange={(_, d) => setBio(d.value)} rows={4} resize="vertical" />
      </Field>
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
