// @ts-ignore d3-contour ships no type declarations here
import { contours } from 'd3-contour';
import { drawGrid } from './axes';
import { placeLabels, type LabelBox, type PlacedLabel } from './labels';
import { clampPx, type Scales } from './scales';
import type { Box, Field, Field1d, Field2d, Paint } from './types';

/** Viridis, sampled at 9 stops (matplotlib's): dark blue-purple (low) to yellow (high). */
const VIRIDIS = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

function ramp(t: number): string {
  const u = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(u));
  const f = u - i;
  const a = VIRIDIS[i];
  const b = VIRIDIS[i + 1];
  return `rgb(${Math.round(a[0] + (b[0] - a[0]) * f)},${Math.round(a[1] + (b[1] - a[1]) * f)},${Math.round(
    a[2] + (b[2] - a[2]) * f,
  )})`;
}

/** Largest side of the offscreen contour image, in device pixels: deep zooms wait for a fresh grid instead. */
const MAX_IMAGE = 2400;

/**
 * The sampled landscape: filled contours of a 2-D grid (d3-contour, rendered once into an
 * offscreen canvas that pan and zoom only rescale) or a 1-D curve over a faint grid, plus the
 * known minima as stars. Also answers f at any point for the readout and for 1-D picks.
 */
export class FieldLayer {
  field: Field | null = null;
  /** The data box the field covers; for a curve, its x range and padded f range. */
  box: Box = { x0: 0, x1: 1, y0: 0, y1: 1 };
  private range = { min: 0, max: 1 };
  private image: HTMLCanvasElement | null = null;
  private imageKey = '';

  /** Takes a new field and returns the box it covers. */
  set(f: Field): Box {
    this.field = f;
    if (f.mode === '1d') {
      const ys = f.ys.filter((v) => Number.isFinite(v));
      let lo = ys.length ? Math.min(...ys) : 0;
      let hi = ys.length ? Math.max(...ys) : 1;
      if (!(hi > lo)) {
        hi = lo + 1;
      }
      // a little air above and below the curve so its extremes do not touch the frame
      const pad = (hi - lo) * 0.06;
      this.box = { x0: f.x0, x1: f.x1, y0: lo - pad, y1: hi + pad };
    } else {
      this.box = { x0: f.x0, x1: f.x1, y0: f.y0, y1: f.y1 };
      let min = Infinity;
      let max = -Infinity;
      for (const v of f.values) {
        if (Number.isFinite(v)) {
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      this.range = { min: Number.isFinite(min) ? min : 0, max: Number.isFinite(max) ? max : 1 };
    }
    this.image = null;
    this.imageKey = '';
    return { ...this.box };
  }

  get is1d(): boolean {
    return this.field?.mode === '1d';
  }

  /** Forgets the rendered image (new size, theme or resolution); the next frame renders it again. */
  invalidate() {
    this.imageKey = '';
  }

  /** After a zoom: re-render when the cached image would be upscaled more than 2× (it would look blurred). */
  refreshIfZoomedFar(s: Scales) {
    const f = this.field;
    if (!this.image || !f || f.mode !== '2d') return;
    const p = s.plot();
    const need = (p.w / (s.view.x1 - s.view.x0)) * (f.x1 - f.x0) * s.dpr;
    if (need > this.image.width * 2 && this.image.width < MAX_IMAGE) {
      this.imageKey = '';
    }
  }

  /** The field under the trajectories: contour image in 2-D, grid and curve in 1-D. */
  draw(pt: Paint) {
    const f = this.field;
    if (f && f.mode === '2d') {
      this.render(f, pt.scales);
      if (this.image) {
        const { ctx, scales: s, plot: p } = pt;
        const X0 = s.sx(f.x0, p);
        const X1 = s.sx(f.x1, p);
        const Y0 = s.sy(f.y1, p);
        const Y1 = s.sy(f.y0, p);
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(this.image, X0, Y0, X1 - X0, Y1 - Y0);
      }
    } else {
      drawGrid(pt);
      if (f) {
        this.drawCurve(f, pt);
      }
    }
  }

  /** f at (x, y): bilinear in the 2-D grid, linear along the 1-D curve; NaN outside. */
  valueAt(x: number, y: number): number {
    const f = this.field;
    if (!f) {
      return NaN;
    }
    if (f.mode === '1d') {
      const xs = f.xs;
      const n = xs.length;
      if (n === 0 || x < xs[0] || x > xs[n - 1]) {
        return NaN;
      }
      let lo = 0;
      let hi = n - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (xs[mid] <= x) lo = mid;
        else hi = mid;
      }
      const t = xs[hi] === xs[lo] ? 0 : (x - xs[lo]) / (xs[hi] - xs[lo]);
      return f.ys[lo] + (f.ys[hi] - f.ys[lo]) * t;
    }
    const gx = ((x - f.x0) / (f.x1 - f.x0)) * (f.nx - 1);
    const gy = ((y - f.y0) / (f.y1 - f.y0)) * (f.ny - 1);
    if (!(gx >= 0 && gy >= 0 && gx <= f.nx - 1 && gy <= f.ny - 1)) {
      return NaN;
    }
    const i = Math.min(f.nx - 2, Math.floor(gx));
    const j = Math.min(f.ny - 2, Math.floor(gy));
    const tx = gx - i;
    const ty = gy - j;
    const v = f.values;
    const a = v[j * f.nx + i];
    const b = v[j * f.nx + i + 1];
    const c = v[(j + 1) * f.nx + i];
    const d = v[(j + 1) * f.nx + i + 1];
    return (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty;
  }

  /** Where the last paint put the minima labels (null: no free spot), for tests and exports. */
  labelBoxes: (PlacedLabel | null)[] = [];

  /** The minima on screen at the last paint, in canvas px. */
  private shownMinima: { X: number; Y: number; label?: string }[] = [];

  /** The known minima as white stars (under the paths; their labels come after them). */
  drawMinima(pt: Paint) {
    const f = this.field;
    this.shownMinima = [];
    if (!f || !f.minima) {
      return;
    }
    const { ctx, scales: s, plot: p } = pt;
    const k = pt.text / 11;
    const shown = this.shownMinima;
    for (const m of f.minima) {
      const y = f.mode === '1d' ? m.y ?? this.valueAt(m.x, 0) : m.y ?? 0;
      const X = s.sx(m.x, p);
      const Y = s.sy(y, p);
      if (!Number.isFinite(X) || !Number.isFinite(Y)) continue;
      shown.push({ X, Y, label: m.label });
      star(ctx, X, Y, 7 * k, 3 * k);
      ctx.fillStyle = '#fff';
      ctx.fill();
      ctx.lineWidth = 1.4;
      ctx.strokeStyle = '#111';
      ctx.stroke();
    }
  }

  /**
   * The minima's value labels, drawn over the paths (a run that reached the minimum used to cover
   * the "f" of "f = 0.000"), placed so that none collide with each other, the stars or the
   * `obstacles` (the legend, the runs' markers).
   */
  drawMinimaLabels(pt: Paint, obstacles: LabelBox[] = []) {
    const f = this.field;
    this.labelBoxes = [];
    if (!f) {
      return;
    }
    const { ctx, plot: p } = pt;
    ctx.font = `${pt.text + 1}px ${pt.font}`;
    const k = pt.text / 11;
    const labelled = this.shownMinima.filter((m) => m.label);
    const h = pt.text + 1;
    const boxes = placeLabels(
      labelled.map((m) => {
        // crowded minima fall back to the bare value ("f = −1.155" → "−1.155")
        const texts = [m.label!, m.label!.replace(/^f\s*=\s*/, '')].filter((t, i, all) => all.indexOf(t) === i);
        return { X: m.X, Y: m.Y, h, texts: texts.map((text) => ({ text, w: ctx.measureText(text).width })) };
      }),
      p,
      9 * k,
      obstacles,
    );
    // a halo keeps the label readable on any contour colour (2-D) or on the page (1-D)
    // the axes leave right-aligned tick text behind: the boxes are measured from the left
    ctx.save();
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.lineWidth = 3;
    ctx.strokeStyle = f.mode === '2d' ? 'rgba(0,0,0,0.55)' : pt.colors.base;
    ctx.fillStyle = f.mode === '2d' ? '#fff' : pt.colors.text;
    for (const b of boxes) {
      if (b) {
        ctx.strokeText(b.text, b.x, b.y);
        ctx.fillText(b.text, b.x, b.y);
      }
    }
    ctx.restore();
    this.labelBoxes = boxes;
  }

  private drawCurve(f: Field1d, pt: Paint) {
    const { ctx, scales: s, plot: p } = pt;
    ctx.strokeStyle = pt.colors.text;
    ctx.lineWidth = 2;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < f.xs.length; i++) {
      const x = f.xs[i];
      const y = f.ys[i];
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        pen = false;
        continue;
      }
      const X = clampPx(s.sx(x, p));
      const Y = clampPx(s.sy(y, p));
      if (pen) ctx.lineTo(X, Y);
      else ctx.moveTo(X, Y);
      pen = true;
    }
    ctx.stroke();
  }

  /** Renders the filled contours into the offscreen image at the current zoom's resolution, unless cached. */
  private render(f: Field2d, s: Scales) {
    if (f.nx < 2 || f.ny < 2) {
      this.image = null;
      return;
    }
    if (this.image && this.imageKey) {
      return; // cached: pan and zoom only rescale it until the server sends a fresh grid
    }
    const p = s.plot();
    // resolution: the field box at the current zoom, in device pixels, capped
    const scaleX = (p.w / (s.view.x1 - s.view.x0)) * (f.x1 - f.x0);
    const scaleY = (p.h / (s.view.y1 - s.view.y0)) * (f.y1 - f.y0);
    const w = Math.max(8, Math.min(MAX_IMAGE, Math.round(scaleX * s.dpr)));
    const h = Math.max(8, Math.min(MAX_IMAGE, Math.round(scaleY * s.dpr)));
    const img = this.image ?? document.createElement('canvas');
    img.width = w;
    img.height = h;
    const g = img.getContext('2d')!;
    const { min, max } = this.range;
    // log scale: contours of log(f − min + ε) spread the levels over the valley floor
    const eps = f.epsilon ?? Math.max((max - min) * 1e-4, 1e-300);
    const tf = f.logScale ? (v: number) => Math.log(Math.max(v - min, 0) + eps) : (v: number) => v;
    const values = new Float64Array(f.nx * f.ny);
    let tmin = Infinity;
    let tmax = -Infinity;
    for (let k = 0; k < values.length; k++) {
      const v = f.values[k];
      const t = Number.isFinite(v) ? tf(v) : tf(max);
      values[k] = t;
      if (t < tmin) tmin = t;
      if (t > tmax) tmax = t;
    }
    if (!(tmax > tmin)) {
      tmax = tmin + 1;
    }
    const levels = Math.max(4, Math.min(40, f.levels ?? 18));
    const thresholds: number[] = [];
    for (let k = 0; k < levels; k++) {
      thresholds.push(tmin + ((tmax - tmin) * k) / levels);
    }
    const polys = contours().size([f.nx, f.ny]).thresholds(thresholds)(Array.from(values));
    // grid coordinate g (samples at g = i + 0.5) → image pixels; rows run from y0 (bottom) upward
    const kx = w / (f.nx - 1);
    const ky = h / (f.ny - 1);
    const path = (mp: any) => {
      const p2 = new Path2D();
      for (const poly of mp.coordinates) {
        for (const ring of poly) {
          ring.forEach((q: number[], idx: number) => {
            const X = (q[0] - 0.5) * kx;
            const Y = h - (q[1] - 0.5) * ky;
            if (idx === 0) p2.moveTo(X, Y);
            else p2.lineTo(X, Y);
          });
          p2.closePath();
        }
      }
      return p2;
    };
    g.clearRect(0, 0, w, h);
    const paths = polys.map((mp: any) => path(mp));
    paths.forEach((p2: Path2D, k: number) => {
      g.fillStyle = ramp(k / (levels - 1));
      g.fill(p2, 'evenodd');
    });
    g.lineWidth = Math.max(0.6, 0.7 * s.dpr);
    g.strokeStyle = 'rgba(0,0,0,0.28)';
    paths.forEach((p2: Path2D, k: number) => {
      if (k > 0) g.stroke(p2);
    });
    this.image = img;
    this.imageKey = `${w}x${h}`;
  }
}

function star(ctx: CanvasRenderingContext2D, x: number, y: number, outer: number, inner: number) {
  ctx.beginPath();
  for (let k = 0; k < 10; k++) {
    const r = k % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const px = x + r * Math.cos(a);
    const py = y + r * Math.sin(a);
    if (k === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
}
