import { startTransition, useEffect, useState } from 'react';
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

/** Rows drawn with the rest of the report; the others follow in a second, interruptible render. */
const FIRST_ROWS = 40;

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
  const cell = useCellRenderer();
  // A team of 200 is thousands of cells: the first screenful comes with the figures, the rest right
  // after in a transition (React yields to input meanwhile), so they do not hold the whole report back.
  const [rows, setRows] = useState(FIRST_ROWS);
  useEffect(() => {
    if (rows < matrix.people.length) startTransition(() => setRows(matrix.people.length));
  }, [rows, matrix.people.length]);
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
          {/* data-people: the rows there will be once all are drawn (the view's benchmark waits for them). */}
          <table className={mergeClasses(shared.table, styles.matrix)} data-people={matrix.people.length}>
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
              {matrix.people.slice(0, rows).map((person, p) => (
                <tr key={person.userId}>
                  <th scope="row">{person.displayName}</th>
                  {matrix.skills.map((skill, s) => cell(matrix.cells[p]?.[s], skill))}
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

/**
 * One cell's look and words. A cell is one of eight kinds (level 0–3, wanted or not): their class
 * names and texts are worked out once per matrix, so a cell is a lookup (a team of 200 people has
 * thousands of cells; a hook in each cost seconds to draw, and merging class names per cell adds up too).
 */
function useCellRenderer() {
  const shared = useInsightsStyles();
  const styles = useStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  const colours = [undefined, styles.level1, styles.level2, styles.level3] as const;
  const levels = [1, 2, 3].map((level) => ({ short: t('skills.level', { level }), long: t('skills.levelLong', { level }) }));
  const wants = { short: t('skills.wants'), long: t('skills.wantsLong') };
  const nothing = t('skills.nothing');
  const kinds = ([0, 1, 2, 3] as const).map((level) =>
    [false, true].map((wanted) => {
      const taught = level > 0 ? levels[level - 1] : undefined;
      return {
        className: mergeClasses(colours[level], wanted && styles.wants),
        short: [taught?.short, wanted ? wants.short : undefined].filter(Boolean).join(' · '),
        long: [taught?.long, wanted ? wants.long : undefined].filter(Boolean).join(', ') || nothing,
      };
    }),
  );
  return (cell: SkillCell | undefined, key: string) => {
    const level = cell?.teachLevel ?? 0;
    const wanted = cell?.wants ?? false;
    const kind = kinds[level]?.[wanted ? 1 : 0];
    return (
      <td key={key} className={kind?.className} data-level={level} data-wants={wanted}>
        {/* Most cells are empty (neither taught nor wanted): no empty visible text for them, one element fewer each. */}
        {kind?.short ? <span aria-hidden="true">{kind.short}</span> : null}
        <span className={shared.visuallyHidden}>{kind?.long}</span>
      </td>
    );
  };
}
