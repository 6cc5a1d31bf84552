import { Body1, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SkillCell, SkillsMatrix } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { CsvButton } from './csv-button';
import type { CsvSource } from './csv-button';
import { INSIGHTS_NS } from './insights-strings';
import { useInsightsStyles } from './insights-styles';
import { ScrollBox } from './scroll-box';
import { SkillGaps } from './skill-gaps';

// Cell colours from the theme's tokens, so light, dark and high contrast each get readable pairs;
// the text in every cell says the same, so colour is never the only signal.
const useStyles = makeStyles({
  matrix: { '& td': { textAlign: 'center', minWidth: '3.5rem' } },
  level1: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1 },
  level2: { backgroundColor: tokens.colorBrandBackground2Pressed, color: tokens.colorNeutralForeground1 },
  level3: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
  },
  wants: { outline: `${tokens.strokeWidthThick} dashed ${tokens.colorPaletteMarigoldBorderActive}`, outlineOffset: '-3px' },
  gap: { backgroundColor: tokens.colorStatusWarningBackground1, color: tokens.colorNeutralForeground1 },
  badge: { display: 'block', fontSize: tokens.fontSizeBase100, fontWeight: tokens.fontWeightRegular, textTransform: 'uppercase' },
});

interface SkillsMatrixSectionProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly matrix: SkillsMatrix;
  readonly csv: CsvSource;
}

/** People × skills as a heatmap table (teach level, want to learn) with the gaps highlighted and something to do about each. */
export function SkillsMatrixSection({ api, teamId, matrix, csv }: SkillsMatrixSectionProps) {
  const shared = useInsightsStyles();
  const styles = useStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  const headingId = useId('insights-skills');
  const gapSkills = new Set(matrix.gaps.map((g) => g.skill));
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="insights-skills">
      <div className={shared.headingRow}>
        <h2 id={headingId} className={shared.heading}>
          {t('skills.title')}
        </h2>
        <CsvButton source={csv} table="skills" />
      </div>
      <Body1 as="p" className={shared.hint}>
        {t('skills.intro')}
      </Body1>
      {matrix.skills.length === 0 || matrix.people.length === 0 ? (
        <Body1 as="p" className={shared.text}>
          {t('skills.none')}
        </Body1>
      ) : (
        <ScrollBox label={t('skills.title')} testId="skills-matrix">
          <table className={mergeClasses(shared.table, styles.matrix)}>
            <caption className={shared.visuallyHidden}>{t('skills.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('skills.person')}</th>
                {matrix.skills.map((skill) => (
                  <th key={skill} scope="col" className={gapSkills.has(skill) ? styles.gap : undefined}>
                    {skill}
                    {gapSkills.has(skill) ? <span className={styles.badge}>{t('skills.gapBadge')}</span> : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.people.map((person, p) => (
                <tr key={person.userId}>
                  <th scope="row">{person.displayName}</th>
                  {matrix.skills.map((skill, s) => (
                    <MatrixCell key={skill} cell={matrix.cells[p]?.[s]} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <SkillGaps api={api} teamId={teamId} gaps={matrix.gaps} />
    </section>
  );
}

function MatrixCell({ cell }: { readonly cell: SkillCell | undefined }) {
  const shared = useInsightsStyles();
  const styles = useStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  const level = cell?.teachLevel ?? 0;
  const wants = cell?.wants ?? false;
  const short = [level > 0 ? t('skills.level', { level }) : '', wants ? t('skills.wants') : ''].filter(Boolean).join(' · ');
  const long = [level > 0 ? t('skills.levelLong', { level }) : '', wants ? t('skills.wantsLong') : ''].filter(Boolean).join(', ');
  const colour = level === 1 ? styles.level1 : level === 2 ? styles.level2 : level === 3 ? styles.level3 : undefined;
  return (
    <td className={mergeClasses(colour, wants && styles.wants)} data-level={level} data-wants={wants}>
      <span aria-hidden="true">{short}</span>
      <span className={shared.visuallyHidden}>{long || t('skills.nothing')}</span>
    </td>
  );
}
