import type { ComponentType } from 'react';
import type { ParticipationChartProps } from './participation-chart';

/** The chart's drawing height, and the room its slot keeps while the chart's chunk is on its way (the legend below it too). */
export const CHART_HEIGHT = 280;
export const CHART_SLOT_HEIGHT = CHART_HEIGHT + 56;

type ChartModule = { readonly default: ComponentType<ParticipationChartProps> };

let chart: Promise<ChartModule> | undefined;

/**
 * The chart's chunk (the charts library, ~70 KB gzip), fetched once. The view starts it together with
 * the report, so it arrives while the API answers instead of after the figures are drawn.
 */
export function loadParticipationChart(): Promise<ChartModule> {
  chart ??= import('./participation-chart');
  return chart;
}
