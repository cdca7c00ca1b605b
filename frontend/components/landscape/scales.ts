import type { Box, Plot } from './types';

/** Room around the plot for tick labels and axis titles, in CSS pixels, at the normal 11 px tick labels. */
export const MARGIN = { left: 54, right: 12, top: 10, bottom: 38 };
/** The tick label size MARGIN is measured for. */
export const BASE_TEXT = 11;
/** Pixel coordinates are clamped: canvas paths choke on values like 1e300 from a diverged run. */
const COORD_LIMIT = 1e6;

export const clampPx = (v: number) => (v > COORD_LIMIT ? COORD_LIMIT : v < -COORD_LIMIT ? -COORD_LIMIT : v);

/**
 * World ↔ pixel transforms of the landscape: the element's size, the view box (what part of
 * the data plane is on screen), the home box the reset button returns to, and the zoom and pan
 * arithmetic on them. Pure state and math; nothing here draws or listens.
 */
export class Scales {
  width = 0;
  height = 0;
  dpr = 1;
  view: Box = { x0: -1, x1: 1, y0: -1, y1: 1 };
  home: Box = { x0: -1, x1: 1, y0: -1, y1: 1 };
  /**
   * One data unit is the same number of pixels on both axes, the plot letterboxed inside the
   * panel: on a 2-D landscape a stretched picture turns circles into ellipses and changes the
   * angle of every step. A 1-D curve plots θ against f, two unrelated units, so it fills the panel.
   */
  equalAspect = false;
  /** Tick label size in CSS px (larger on a projector); the margins grow with it. */
  text = BASE_TEXT;
  margin = { ...MARGIN };

  /** Sets the tick label size; false when it did not change. The margins keep room for the labels. */
  setText(px: number): boolean {
    const t = Math.max(8, Math.min(48, px || BASE_TEXT));
    if (t === this.text) return false;
    this.text = t;
    // room for one more label height below and about three more characters on the left, per px of text
    const d = t - BASE_TEXT;
    this.margin = { left: MARGIN.left + Math.round(d * 3), right: MARGIN.right, top: MARGIN.top, bottom: MARGIN.bottom + Math.round(d * 2.4) };
    return true;
  }

  /** Takes the element's new size; false when nothing changed (no re-render needed). */
  resize(width: number, height: number, dpr: number): boolean {
    if (width === this.width && height === this.height && dpr === this.dpr) {
      return false;
    }
    this.width = width;
    this.height = height;
    this.dpr = dpr;
    return true;
  }

  /** The plot rectangle: the panel minus the margins, letterboxed to the view's shape when equalAspect. */
  plot(): Plot {
    const m = this.margin;
    const availW = Math.max(10, this.width - m.left - m.right);
    const availH = Math.max(10, this.height - m.top - m.bottom);
    const full = { left: m.left, top: m.top, w: availW, h: availH };
    if (!this.equalAspect) {
      return full;
    }
    const spanX = this.view.x1 - this.view.x0;
    const spanY = this.view.y1 - this.view.y0;
    if (!(spanX > 0 && spanY > 0) || !Number.isFinite(spanX / spanY)) {
      return full;
    }
    const k = Math.min(availW / spanX, availH / spanY);
    // whole pixels keep the frame and grid lines crisp; the aspect error stays below half a pixel
    const w = Math.max(10, Math.round(spanX * k));
    const h = Math.max(10, Math.round(spanY * k));
    return {
      left: m.left + Math.floor((availW - w) / 2),
      top: m.top + Math.floor((availH - h) / 2),
      w,
      h,
    };
  }

  sx(x: number, p: Plot = this.plot()): number {
    return p.left + ((x - this.view.x0) / (this.view.x1 - this.view.x0)) * p.w;
  }

  sy(y: number, p: Plot = this.plot()): number {
    return p.top + p.h - ((y - this.view.y0) / (this.view.y1 - this.view.y0)) * p.h;
  }

  /** The data point under pixel (px, py). */
  dataAt(px: number, py: number, p: Plot = this.plot()): [number, number] {
    return [
      this.view.x0 + ((px - p.left) / p.w) * (this.view.x1 - this.view.x0),
      this.view.y0 + ((p.top + p.h - py) / p.h) * (this.view.y1 - this.view.y0),
    ];
  }

  inPlot(px: number, py: number, p: Plot = this.plot()): boolean {
    return px >= p.left && px <= p.left + p.w && py >= p.top && py <= p.top + p.h;
  }

  /** Pixels per data unit along x and y, and the pixel of data (0, 0): for tight loops over many points. */
  affine(p: Plot = this.plot()) {
    const v = this.view;
    const kx = p.w / (v.x1 - v.x0);
    const ky = p.h / (v.y1 - v.y0);
    return { kx, ky, ox: p.left - v.x0 * kx, oy: p.top + p.h + v.y0 * ky };
  }

  /**
   * Zooms by `factor` (>1 zooms out) keeping the data point under (px, py) fixed; false when the
   * view is already at the zoom limits (spans far below or above anything a landscape needs).
   * Both axes scale alike, so the view keeps its shape and the letterbox stays put.
   */
  zoomAt(px: number, py: number, factor: number): boolean {
    const [cx, cy] = this.dataAt(px, py);
    const v = this.view;
    const span = Math.max(Math.abs(v.x1 - v.x0), Math.abs(v.y1 - v.y0));
    if ((factor < 1 && span < 1e-9) || (factor > 1 && span > 1e12)) {
      return false;
    }
    this.view = scaleAbout(v, cx, cy, factor);
    return true;
  }

  /** Sets the view to `from` scaled about the data point that was under (px, py) in `from`. */
  zoomFrom(from: Box, px: number, py: number, factor: number) {
    this.view = { ...from };
    const [cx, cy] = this.dataAt(px, py);
    this.view = scaleAbout(from, cx, cy, factor);
  }

  /** Sets the view to `from` moved so that the data point dragged by (dxPx, dyPx) follows the pointer. */
  panFrom(from: Box, dxPx: number, dyPx: number) {
    const p = this.plot();
    const dx = (dxPx / p.w) * (from.x1 - from.x0);
    const dy = (dyPx / p.h) * (from.y1 - from.y0);
    this.view = { x0: from.x0 - dx, x1: from.x1 - dx, y0: from.y0 + dy, y1: from.y1 + dy };
  }

  resetView() {
    this.view = { ...this.home };
  }
}

function scaleAbout(v: Box, cx: number, cy: number, factor: number): Box {
  return {
    x0: cx + (v.x0 - cx) * factor,
    x1: cx + (v.x1 - cx) * factor,
    y0: cy + (v.y0 - cy) * factor,
    y1: cy + (v.y1 - cy) * factor,
  };
}

/** Equal up to rounding noise relative to the box's size (an echoed box went through JSON and Java). */
export function sameBox(a: Box, b: Box): boolean {
  const tol = 1e-9 * Math.max(Math.abs(a.x1 - a.x0), Math.abs(a.y1 - a.y0), 1e-300);
  return (
    Math.abs(a.x0 - b.x0) <= tol && Math.abs(a.x1 - b.x1) <= tol && Math.abs(a.y0 - b.y0) <= tol && Math.abs(a.y1 - b.y1) <= tol
  );
}

/** About `count` round tick values covering [a, b]. */
export function niceTicks(a: number, b: number, count: number): number[] {
  if (!(b > a) || !Number.isFinite(a) || !Number.isFinite(b)) {
    return [];
  }
  const raw = (b - a) / Math.max(1, count);
  const pow = Math.pow(10, Math.floor(Math.log10(raw)));
  const err = raw / pow;
  const step = (err >= 7.5 ? 10 : err >= 3.5 ? 5 : err >= 1.5 ? 2 : 1) * pow;
  const out: number[] = [];
  for (let v = Math.ceil(a / step) * step; v <= b + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return out;
}

/** A tick label with as many decimals as the visible span needs. */
export function fmtTick(v: number, span: number): string {
  if (v === 0) {
    return '0';
  }
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-4) {
    return v.toExponential(1).replace('e+', 'e');
  }
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(span / 10)) + 0));
  return v.toFixed(decimals).replace('-', '−');
}

/** A value in the hover readout: four significant digits, typographic minus. */
export function fmtValue(v: number): string {
  if (!Number.isFinite(v)) {
    return '–';
  }
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) {
    return v.toExponential(3).replace('e+', 'e').replace('-', '−');
  }
  return Number(v.toPrecision(4)).toString().replace('-', '−');
}
