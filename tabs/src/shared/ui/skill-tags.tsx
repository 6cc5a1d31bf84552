import { Tag, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { skillDisplayName } from '../../../../bot/src/api/contract';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
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
          <Tag size="small" appearance="outline">
            {skillDisplayName(skill, i18n.language)}
          </Tag>
        </li>
      ))}
    </ul>
  );
}
