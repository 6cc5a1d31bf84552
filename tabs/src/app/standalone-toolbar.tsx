import { Badge, Label, Select, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { LanguageOptions } from '../shared/ui/language-options';
import { useTranslation } from 'react-i18next';
import type { DevMember } from '../../../bot/src/api/contract';
import { memberKey } from '../shared/dev-auth';
import type { AppLanguage } from '../shared/locale';
import { isAppLanguage } from '../shared/locale';
import type { ThemeName } from '../shared/theme-name';
import { isThemeName } from '../shared/theme-name';

const useStyles = makeStyles({
  bar: {
    boxSizing: 'border-box',
    maxWidth: '75rem',
    marginInline: 'auto',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalXXL,
    '@media (max-width: 480px)': { paddingInline: tokens.spacingHorizontalM },
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginInlineEnd: 'auto' },
  field: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

interface StandaloneToolbarProps {
  readonly language: AppLanguage;
  readonly onLanguage: (language: AppLanguage) => void;
  /** `null`: following the system. */
  readonly theme: ThemeName | null;
  readonly onTheme: (theme: ThemeName | null) => void;
  readonly members?: readonly DevMember[] | undefined;
  readonly member?: DevMember | undefined;
  readonly onMember: (member: DevMember) => void;
}

/** Dev-mode settings Teams would otherwise provide: who you are, language and theme. */
export function StandaloneToolbar({ language, onLanguage, theme, onTheme, members, member, onMember }: StandaloneToolbarProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const memberId = useId('member');
  const languageId = useId('language');
  const themeId = useId('theme');

  return (
    <div className={styles.bar} role="group" aria-label={t('standalone.settings')}>
      <div className={styles.brand}>
        <Text weight="semibold">{t('app.name')}</Text>
        <Badge appearance="outline" color="informative">
          {t('standalone.badge')}
        </Badge>
      </div>
      {members && member ? (
        <div className={styles.field}>
          <Label htmlFor={memberId}>{t('standalone.member')}</Label>
          <Select
            id={memberId}
            value={memberKey(member)}
            onChange={(_, data) => {
              const next = members.find((candidate) => memberKey(candidate) === data.value);
              if (next) onMember(next);
            }}
          >
            {members.map((candidate) => (
              <option key={memberKey(candidate)} value={memberKey(candidate)}>
                {candidate.displayName}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
      <div className={styles.field}>
        <Label htmlFor={languageId}>{t('standalone.language')}</Label>
        <Select
          id={languageId}
          value={language}
          onChange={(_, data) => {
            if (isAppLanguage(data.value)) onLanguage(data.value);
          }}
        >
          <LanguageOptions />
        </Select>
      </div>
      <div className={styles.field}>
        <Label htmlFor={themeId}>{t('standalone.theme')}</Label>
        <Select id={themeId} value={theme ?? 'system'} onChange={(_, data) => onTheme(isThemeName(data.value) ? data.value : null)}>
          <option value="system">{t('standalone.themes.system')}</option>
          <option value="light">{t('standalone.themes.light')}</option>
          <option value="dark">{t('standalone.themes.dark')}</option>
          <option value="contrast">{t('standalone.themes.contrast')}</option>
        </Select>
      </div>
    </div>
  );
}
