import { makeStyles, tokens } from '@fluentui/react-components';
import type { MySkillView } from '../../../../bot/src/api/contract';

const useStyles = makeStyles({
  svg: { display: 'block', color: tokens.colorBrandForeground1, flexShrink: 0 },
  axis: { stroke: tokens.colorNeutralStroke2 },
});

const WIDTH = 96;
const HEIGHT = 28;
const PAD = 3;

/**
 * A skill's level over time as a tiny step line (levels 1–3, time from its first point to now). A plain
 * SVG, not a chart library: a handful of points per skill, and My learning's bundle stays small.
 * Screen readers get the same in words: `label` names every step.
 */
export function SkillSparkline({ skill, label, now }: { readonly skill: MySkillView; readonly label: string; readonly now: number }) {
  const styles = useStyles();
  const times = skill.history.map((p) => Date.parse(p.at));
  const start = Math.min(...times, now);
  const span = Math.max(now - start, 1);
  const x = (t: number) => PAD + ((t - start) / span) * (WIDTH - 2 * PAD);
  const y = (level: number) => HEIGHT - PAD - ((level - 1) / 2) * (HEIGHT - 2 * PAD);
  let path = '';
  skill.history.forEach((p, i) => {
    const px = x(Date.parse(p.at));
    path += i === 0 ? `M${px},${y(p.level)}` : ` H${px} V${y(p.level)}`;
  });
  path += ` H${x(now)}`;
  return (
    <svg className={styles.svg} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <line className={styles.axis} x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} strokeWidth={1} />
      <path d={path} fill="none" stroke="currentColor" strokeWidth={2} strokeLinejoin="round" />
    </svg>
  );
}
