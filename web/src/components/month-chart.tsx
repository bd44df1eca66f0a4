/** Norm-hours debited (bars) and topped up (line) per month: a small uPlot chart. */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SeriesT } from '../../../schema/api';
import { formatFixed } from '../../../worker/domain/format';
import { getLang, tr } from '../i18n';

const MONTHS_RU = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${(getLang() === 'ru' ? MONTHS_RU : MONTHS_EN)[m - 1]} ${String(y).slice(2)}`;
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
    // Axis labels in whole norm-hours (the series is in hours).
    const hours = (v: number) => formatFixed(Math.round(v), 0, lang);
    const opts: uPlot.Options = {
      width: el.clientWidth || 800,
      height,
      legend: { show: true },
      cursor: { points: { show: false } },
      scales: { x: { time: false, range: [-0.6, series.length - 0.4] }, y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.15)] } },
      axes: [
        { values: (_u, splits) => splits.map((i) => (Number.isInteger(i) && series[i] ? monthLabel(series[i]!.month) : '')), splits: () => xs, grid: { show: false }, stroke: '#566170' },
        { values: (_u, splits) => splits.map(hours), stroke: '#566170', grid: { stroke: '#eceff3' }, size: 56 },
      ],
      series: [
        { label: tr('Месяц', 'Month'), value: (_u, i) => (i == null || !series[i] ? '—' : monthLabel(series[i]!.month)) },
        {
          label: tr('Списано, нормо-ч', 'Debited, norm-h'),
          fill: 'rgba(29, 78, 216, 0.85)',
          stroke: '#1d4ed8',
          paths: uPlot.paths.bars!({ size: [0.6, 48] }),
          points: { show: false },
          value: (_u, v) => (v == null ? '—' : formatFixed(Math.round(v * 100), 2, lang)),
        },
        {
          label: tr('Пополнено, нормо-ч', 'Topped up, norm-h'),
          stroke: '#16a34a',
          width: 2,
          points: { show: true, size: 6, fill: '#16a34a' },
          value: (_u, v) => (v == null ? '—' : formatFixed(Math.round(v * 100), 2, lang)),
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
    <figure class="chart" aria-label={tr('Нормо-часы по месяцам', 'Norm-hours per month')}>
      <div ref={box} role="img" aria-label={tr(`Списано за ${series.length} мес.: ${formatFixed(total, 2, getLang())} нормо-ч`, `Debited over ${series.length} months: ${formatFixed(total, 2, getLang())} norm-h`)} />
    </figure>
  );
}
