/** A point as the chart plots it: [x, y], y already log10 on a log axis. */
export type Point = [number, number];

/**
 * Tick and tooltip numbers with three significant digits: a linear lr axis from 0 to 0.001 must
 * read 0.0005, not 0.000. Tiny and huge values switch to scientific notation.
 */
export function fmtSig(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-4 || a >= 1e6) {
    const [m, e] = v.toExponential(2).split('e');
    return `${Number(m)}e${Number(e)}`;
  }
  return String(Number(v.toPrecision(3)));
}

/** Log-axis label of log10 value v: "1e-3" at whole decades, else the value itself. */
export function fmtPow10(v: number): string {
  const rounded = Math.round(v * 100) / 100;
  if (Number.isInteger(rounded)) {
    return rounded === 0 ? '1' : `1e${rounded}`;
  }
  return fmtSig(Math.pow(10, v));
}

export interface Range {
  min: number;
  max: number;
}

/** A diverged series on a log axis counts for the range up to one decade above its start. */
const LOG_HEADROOM = 1;

/**
 * The y range the comparison needs: the runs that did not diverge set it; a diverged run adds
 * only what it did before it exploded (on a log axis up to a decade above its start, on a linear
 * axis nothing beyond its start), so one blown-up run cannot flatten the others. When every run
 * diverged, each counts up to where it exploded. Null: nothing diverged, let ApexCharts decide.
 */
export function comparisonRange(series: Point[][], diverged: Set<number>, logY: boolean): Range | null {
  if (diverged.size === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  const take = (y: number) => {
    if (y < min) min = y;
    if (y > max) max = y;
  };
  const calm = series.some((s, i) => !diverged.has(i) && s.length > 0);
  series.forEach((s, i) => {
    if (s.length === 0) return;
    if (!diverged.has(i)) {
      s.forEach((p) => take(p[1]));
      return;
    }
    const y0 = s[0][1];
    take(y0);
    if (!logY && calm) return;
    const limit = logY ? y0 + LOG_HEADROOM : explosionLimit(s);
    for (const p of s) {
      if (p[1] > limit) break;
      take(p[1]);
    }
  });
  if (!(max >= min)) return null;
  if (max === min) {
    const pad = logY ? 0.5 : Math.max(Math.abs(max) * 0.1, 1e-12);
    return { min: min - pad, max: max + pad };
  }
  // a little air above the top so the edge markers do not sit on the title
  const pad = (max - min) * 0.04;
  return { min: logY ? min - pad : min, max: max + pad };
}

/** Linear axis, every run diverged: ten times the largest value of the first quarter. */
function explosionLimit(s: Point[]): number {
  let m = 0;
  for (let i = 0; i < Math.max(1, s.length / 4); i++) m = Math.max(m, Math.abs(s[i][1]));
  return m > 0 ? 10 * m : Infinity;
}

/** Series with values outside the range drawn at its edge (the raw values stay in `series`). */
export function clampSeries(series: Point[][], r: Range | null): Point[][] {
  if (!r) return series;
  return series.map((s) => s.map((p) => [p[0], Math.min(r.max, Math.max(r.min, p[1]))] as Point));
}

/** Per series, the first point beyond the range (where a clipped run leaves the chart), if any. */
export function exits(series: Point[][], r: Range | null): (Point | null)[] {
  return series.map((s) => {
    if (!r) return null;
    const p = s.find((q) => q[1] > r.max || q[1] < r.min);
    return p ? [p[0], p[1] > r.max ? r.max : r.min] : null;
  });
}

/**
 * A log axis (log10 units) on whole decades: ticks read 1e-3, 1e-6 … instead of 2.48e-5 and
 * 1.57e-13 where a clipped range or ApexCharts' nice scale would put them. A range narrower than
 * two decades keeps its own ticks (whole decades would flatten the curve), as does a linear axis.
 */
export function onDecades(r: Range | null, logY: boolean, maxTicks = 6): (Range & { ticks: number }) | null {
  if (!r || !logY || !Number.isFinite(r.min) || !Number.isFinite(r.max)) return null;
  const lo = Math.floor(r.min + 1e-9);
  let hi = Math.ceil(r.max - 1e-9);
  if (hi - lo < 2) return null;
  const step = Math.ceil((hi - lo) / maxTicks);
  hi = lo + step * Math.ceil((hi - lo) / step);
  return { min: lo, max: hi, ticks: (hi - lo) / step };
}

/** The y range of the points (plotted units), or null when there are none. */
export function dataRange(series: Point[][]): Range | null {
  let min = Infinity;
  let max = -Infinity;
  for (const s of series) {
    for (const p of s) {
      if (p[1] < min) min = p[1];
      if (p[1] > max) max = p[1];
    }
  }
  return max >= min ? { min, max } : null;
}

/** The smallest 1, 2, 2.5 or 5 × 10^k at least x (x > 0). */
function niceStep(x: number): number {
  const d = Math.pow(10, Math.floor(Math.log10(x)));
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * d >= x * (1 - 1e-12)) return m * d;
  }
  return 10 * d;
}

/**
 * A linear range on round ticks (0, 0.1, 0.2 … rather than 0.0858, 0.172 …): outward to
 * multiples of a 1-2-2.5-5 step, about `ticks` of them.
 */
export function onRoundTicks(r: Range, ticks = 5): Range & { ticks: number } {
  const span = r.max - r.min;
  if (!(span > 0)) return { ...r, ticks };
  const step = niceStep(span / ticks);
  const lo = Math.floor(r.min / step + 1e-9) * step;
  const hi = Math.ceil(r.max / step - 1e-9) * step;
  return { min: lo, max: hi, ticks: Math.max(1, Math.round((hi - lo) / step)) };
}
