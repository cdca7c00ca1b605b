import en from 'apexcharts/dist/locales/en.json';
import zhCn from 'apexcharts/dist/locales/zh-cn.json';
import type { Point } from './axis';
import { csvText } from './user-text';

/** ApexCharts' own translations of the toolbar (menu, zoom tooltips), for the app's two languages. */
export const LOCALES = [en, zhCn];

/** The ApexCharts locale for an app language tag ("zh…" → zh-cn, anything else English). */
export function localeName(tag: string | undefined): string {
  return tag && tag.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/**
 * The chart's data as CSV: one row per x, one column per series, headed by the x quantity and
 * "run (quantity)"; values as plotted, not as drawn (log axes export the values, not log10; a
 * clipped run exports what it really reached). Headers are run labels: user text, written as data.
 */
export function toCsv(xTitle: string, quantity: string, names: string[], series: Point[][], logY: boolean): string {
  const header = [xTitle, ...names.map((n) => (quantity ? `${n} (${quantity})` : n))].map(csvText).join(',');
  const rows = new Map<number, string[]>();
  series.forEach((s, i) => {
    for (const [x, y] of s) {
      let row = rows.get(x);
      if (!row) {
        row = Array(series.length).fill('');
        rows.set(x, row);
      }
      row[i] = String(logY ? Math.pow(10, y) : y);
    }
  });
  const lines = [...rows.keys()].sort((a, b) => a - b).map((x) => [String(x), ...rows.get(x)!].join(','));
  return [header, ...lines].join('\n') + '\n';
}

/** Saves text as a file through a temporary link. */
export function download(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob(['\uFEFF' + text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
