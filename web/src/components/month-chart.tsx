/** Norm-hours debited (bars) and topped up (line) per month: a small uPlot chart. */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SeriesT } from '../../../schema/api';
import { formatFixed } from '../../../worker/domain/format';
import { MONTH_WORDS } from '../../../worker/domain/words/months';
import { getLang, t, word } from '../i18n';

/** 'YYYY-MM' as the chart's axis writes it: «май 26», «May 26» (a month name's first three letters). */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const name = MONTH_WORDS[m - 1];
  return `${name ? word(name).slice(0, 3) : m} ${String(y).slice(2)}`;
}

export function MonthChart({ series, height = 240 }: { series: SeriesT; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const lang = getLang();
    const xs = series.map((_, i) => i);
    const debits = series.map((s) => s.debitsCenti / 100);
    const topups = series.map((s) => s.topupsCenti / 100);
    // The chart draws floats (uPlot's scale); the legend shows the exact hundredths of each month,
    // and only the axis ticks, which fall between the data, are rounded to whole norm-hours.
    const hours = (v: number) => formatFixed(Math.round(v), 0, lang);
    const opts: uPlot.Options = {
      width: el.clientWidth || 800,
      height,
      legend: { show: true },
      cursor: { points: { show: false } },
      scales: { x: { time: false, range: [-0.6, series.length - 0.4] }, y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.15)] } },
      axes: [
        {
          values: (_u, splits) => splits.map((i) => (Number.isInteger(i) && series[i] ? monthLabel(series[i]!.month) : '')),
          splits: () => xs,
          grid: { show: false },
          stroke: '#566170',
        },
        { values: (_u, splits) => splits.map(hours), stroke: '#566170', grid: { stroke: '#eceff3' }, size: 56 },
      ],
      series: [
        { label: t('month'), value: (_u, i) => (i == null || !series[i] ? '—' : monthLabel(series[i]!.month)) },
        {
          label: t('debitedNormHours'),
          fill: 'rgba(29, 78, 216, 0.85)',
          stroke: '#1d4ed8',
          paths: uPlot.paths.bars!({ size: [0.6, 48] }),
          points: { show: false },
          value: (_u, _v, _s, i) => (i == null || !series[i] ? '—' : formatFixed(series[i]!.debitsCenti, 2, lang)),
        },
        {
          label: t('toppedUpNormHours'),
          stroke: '#16a34a',
          width: 2,
          points: { show: true, size: 6, fill: '#16a34a' },
          value: (_u, _v, _s, i) => (i == null || !series[i] ? '—' : formatFixed(series[i]!.topupsCenti, 2, lang)),
        },
      ],
    };
    const chart = new uPlot(opts, [xs, debits, topups], el);
    const resize = new ResizeObserver(() => chart.setSize({ width: el.clientWidth, height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [series, height]);
  const total = series.reduce((s, x) => s + x.debitsCenti, 0);
  return (
    <figure class="chart" aria-label={t('normHoursPerMonth')}>
      <div ref={box} role="img" aria-label={t('chartSummary', { months: series.length, hours: formatFixed(total, 2, getLang()) })} />
    </figure>
  );
}
