import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { skillDisplayName } from '../../../../bot/src/api/contract';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  // Fluent's small outline Tag, drawn by hand: the Tag component (dismiss, avatar and selection
  // machinery, ≈ 4 KB gzip) is more than a read-only label needs on the board's first paint.
  tag: {
    display: 'inline-flex',
    alignItems: 'center',
    boxSizing: 'border-box',
    minHeight: '24px',
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorSubtleBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
});

/** A session's skills as a labelled list of outline tags; nothing when there are none. */
export function SkillTags({ skills }: { readonly skills: readonly string[] }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  if (skills.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={t('board.session.skills')}>
      {skills.map((skill) => (
        <li key={skill}>
          <span className={styles.tag}>{skillDisplayName(skill, i18n.language)}</span>
        </li>
      ))}
    </ul>
  );
}
