import { makeStyles } from '@fluentui/react-components';
import { LineChart } from '@fluentui/react-charts';
import type { ChartProps } from '@fluentui/react-charts';
import type { ParticipationPoint } from '../../../../bot/src/api/contract';
import { CHART_HEIGHT } from './chart-slot';

/** The periods and the series' names in the reader's language. */
export interface ParticipationChartProps {
  readonly points: readonly ParticipationPoint[];
  readonly legends: { readonly sessionsHeld: string; readonly learners: string; readonly teachers: string };
  readonly title: string;
  /** The reader's locale (`nl-NL`): the axis' months and numbers in their language. */
  readonly locale: string;
  /** The team's zone: a period starts at midnight there. */
  readonly timeZone: string;
  /** The room there is; a long range draws wider and scrolls sideways inside its section. */
  readonly width: number;
}

/** A point every this many pixels at least, so two years of weeks stay readable (the section scrolls sideways). */
const PX_PER_POINT = 16;
const MIN_WIDTH = 560;
const HEIGHT = CHART_HEIGHT;
/** The last month's label is centred on the last point: the library's 20 px right margin cut "dec 2026" in half. */
const MARGINS = { right: 40 };

const useStyles = makeStyles({
  // The library capitalises every word of a legend ("Gehouden Sessies"); the legends are sentences
  // in the reader's language and must read as written.
  root: { '& button': { textTransform: 'none' } },
});

/**
 * Sessions held and distinct people learning and teaching per period. Its own chunk: the charts
 * library loads only when someone opens Insights, never with the board.
 */
export default function ParticipationChart({ points, legends, title, locale, timeZone, width }: ParticipationChartProps) {
  const styles = useStyles();
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone });
  const series = (legend: string, value: (p: ParticipationPoint) => number) => ({
    legend,
    data: points.map((p) => ({ x: new Date(p.startsAt), y: value(p) })),
  });
  const data: ChartProps = {
    chartTitle: title,
    lineChartData: [
      series(legends.sessionsHeld, (p) => p.sessionsHeld),
      series(legends.learners, (p) => p.distinctLearners),
      series(legends.teachers, (p) => p.distinctTeachers),
    ],
  };
  return (
    <div data-testid="participation-chart" className={styles.root}>
      <LineChart
        data={data}
        culture={locale}
        customDateTimeFormatter={(at) => month.format(at)}
        width={Math.max(width, MIN_WIDTH, points.length * PX_PER_POINT)}
        height={HEIGHT}
        margins={MARGINS}
      />
    </div>
  );
}
