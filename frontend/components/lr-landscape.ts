// @ts-ignore d3-contour ships no type declarations here
import { contours } from 'd3-contour';

/** A view box in data coordinates. */
interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

interface Minimum {
  x: number;
  y?: number;
  label?: string;
}

interface Field2d extends Box {
  mode: '2d';
  nx: number;
  ny: number;
  values: number[];
  logScale?: boolean;
  epsilon?: number;
  levels?: number;
  minima?: Minimum[];
}

interface Field1d {
  mode: '1d';
  x0: number;
  x1: number;
  xs: number[];
  ys: number[];
  minima?: Minimum[];
}

type Field = Field2d | Field1d;

interface Run {
  color: string;
  label: string;
  visible: boolean;
  xs: Float64Array;
  ys: Float64Array;
  n: number;
  diverged: number; // step at which the run diverged, or -1
}

interface Labels {
  x: string;
  y: string;
  x1d: string;
  y1d: string;
  value: string;
  zoomIn: string;
  zoomOut: string;
  reset: string;
  download: string;
}

const MARGIN = { left: 54, right: 12, top: 10, bottom: 38 };
const COORD_LIMIT = 1e6; // pixel coordinates are clamped: canvas paths choke on 1e300

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

/** About `count` round tick values covering [a, b]. */
function niceTicks(a: number, b: number, count: number): number[] {
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

function fmtTick(v: number, span: number): string {
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

function fmtValue(v: number): string {
  if (!Number.isFinite(v)) {
    return '–';
  }
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) {
    return v.toExponential(3).replace('e+', 'e').replace('-', '−');
  }
  return Number(v.toPrecision(4)).toString().replace('-', '−');
}

const clampPx = (v: number) => (v > COORD_LIMIT ? COORD_LIMIT : v < -COORD_LIMIT ? -COORD_LIMIT : v);

const ICONS: Record<string, string> = {
  zoomIn: '<svg viewBox="0 0 16 16"><path d="M3 8h10M8 3v10"/></svg>',
  zoomOut: '<svg viewBox="0 0 16 16"><path d="M3 8h10"/></svg>',
  reset: '<svg viewBox="0 0 16 16"><path d="M2 6V2h4M14 10v4h-4M2 2l4 4M14 14l-4-4"/></svg>',
  download: '<svg viewBox="0 0 16 16"><path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10"/></svg>',
};

const STYLE = `
:host { display: block; position: relative; overflow: hidden; user-select: none; touch-action: none;
  min-height: 120px; font-family: var(--lumo-font-family, sans-serif); }
canvas { position: absolute; inset: 0; width: 100%; height: 100%; cursor: crosshair; }
.tools { position: absolute; top: 14px; right: 16px; display: flex; gap: 4px; }
button { width: 28px; height: 28px; padding: 4px; border-radius: var(--lumo-border-radius-m, 4px);
  border: 1px solid var(--lumo-contrast-20pct, #ccc); background: var(--lumo-base-color, #fff);
  color: var(--lumo-body-text-color, #222); cursor: pointer; opacity: 0.9; }
button:hover { opacity: 1; background: var(--lumo-contrast-5pct, #eee); }
button:focus-visible { outline: 2px solid var(--lumo-primary-color, #1676f3); outline-offset: 1px; }
button svg { width: 100%; height: 100%; fill: none; stroke: currentColor; stroke-width: 1.6; stroke-linecap: round; }
.readout { position: absolute; left: ${MARGIN.left + 6}px; top: ${MARGIN.top + 4}px; padding: 2px 6px;
  border-radius: var(--lumo-border-radius-s, 3px); background: var(--lumo-base-color, #fff);
  color: var(--lumo-body-text-color, #222); font-size: var(--lumo-font-size-xs, 12px);
  font-variant-numeric: tabular-nums; opacity: 0.88; pointer-events: none; white-space: pre; }
.readout[hidden] { display: none; }
`;

/**
 * <lr-landscape>: a canvas view of a loss landscape (filled contours of a 2-D grid, or a 1-D
 * curve) with optimizer trajectories and one marker per run at the playhead step. Pan by drag,
 * zoom by wheel or the overlay buttons; the server is asked for a fresh grid (lr-view-change)
 * after a gesture settles. A click without drag fires lr-pick.
 */
export class LrLandscape extends HTMLElement {
  private canvas: HTMLCanvasElement;
  private ctx: CanvasRenderingContext2D;
  private readoutEl: HTMLDivElement;
  private buttons: Record<string, HTMLButtonElement> = {};
  private field: Field | null = null;
  private fieldBox: Box = { x0: 0, x1: 1, y0: 0, y1: 1 };
  private fieldImage: HTMLCanvasElement | null = null;
  private fieldImageKey = '';
  private fieldRange = { min: 0, max: 1 };
  private home: Box = { x0: -1, x1: 1, y0: -1, y1: 1 };
  private view: Box = { x0: -1, x1: 1, y0: -1, y1: 1 };
  private lastSent: Box | null = null;
  private runs: Run[] = [];
  private head = -1; // playhead as a point index; -1 = show everything received
  private stride = 1; // steps per recorded point (long runs are thinned)
  private labels: Labels = {
    x: 'θ₁',
    y: 'θ₂',
    x1d: 'θ',
    y1d: 'f(θ)',
    value: 'f',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    reset: 'Reset view',
    download: 'Download PNG',
  };
  private colors = { text: '#333', secondary: '#666', grid: 'rgba(0,0,0,0.1)', base: '#fff', frame: 'rgba(0,0,0,0.3)' };
  private width = 0;
  private height = 0;
  private dpr = 1;
  private frame = 0;
  private viewTimer = 0;
  private drag: { id: number; sx: number; sy: number; view: Box; moved: boolean } | null = null;
  private touches = new Map<number, [number, number]>();
  private pinch: { dist: number; view: Box; cx: number; cy: number } | null = null;
  private resizeObserver?: ResizeObserver;
  private themeObserver?: MutationObserver;
  private exportName = 'landscape.png';

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${STYLE}</style><canvas part="canvas"></canvas>
      <div class="readout" part="readout" hidden></div><div class="tools" part="tools"></div>`;
    this.canvas = root.querySelector('canvas')!;
    this.ctx = this.canvas.getContext('2d')!;
    this.readoutEl = root.querySelector('.readout')!;
    const tools = root.querySelector('.tools')!;
    for (const key of ['zoomIn', 'zoomOut', 'reset', 'download']) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = key;
      b.innerHTML = ICONS[key];
      b.addEventListener('click', (e) => {
        e.stopPropagation();
        this.onTool(key);
      });
      b.addEventListener('pointerdown', (e) => e.stopPropagation());
      tools.appendChild(b);
      this.buttons[key] = b;
    }
    this.applyLabels();
    this.canvas.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    this.canvas.addEventListener('pointermove', (e) => this.onPointerMove(e));
    this.canvas.addEventListener('pointerup', (e) => this.onPointerUp(e));
    this.canvas.addEventListener('pointercancel', (e) => {
      this.drag = null;
      this.touches.delete(e.pointerId);
      this.pinch = null;
    });
    this.canvas.addEventListener('pointerleave', () => (this.readoutEl.hidden = true));
    this.canvas.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
  }

  connectedCallback() {
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(this);
    this.themeObserver = new MutationObserver(() => {
      this.readColors();
      this.invalidateField();
    });
    this.themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['theme', 'class', 'style'] });
    this.readColors();
    this.resize();
  }

  disconnectedCallback() {
    this.resizeObserver?.disconnect();
    this.themeObserver?.disconnect();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    clearTimeout(this.viewTimer);
  }

  // ---------------------------------------------------------------- server API

  /** Replaces the landscape: json is a Field (mode "2d" grid or "1d" curve). */
  setField(json: string) {
    const f: Field = JSON.parse(json);
    this.field = f;
    let box: Box;
    if (f.mode === '1d') {
      const ys = f.ys.filter((v) => Number.isFinite(v));
      let lo = ys.length ? Math.min(...ys) : 0;
      let hi = ys.length ? Math.max(...ys) : 1;
      if (!(hi > lo)) {
        hi = lo + 1;
      }
      const pad = (hi - lo) * 0.06;
      lo -= pad;
      hi += pad;
      box = { x0: f.x0, x1: f.x1, y0: lo, y1: hi };
      this.fieldBox = box;
    } else {
      box = { x0: f.x0, x1: f.x1, y0: f.y0, y1: f.y1 };
      this.fieldBox = box;
      let min = Infinity;
      let max = -Infinity;
      for (const v of f.values) {
        if (Number.isFinite(v)) {
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      this.fieldRange = { min: Number.isFinite(min) ? min : 0, max: Number.isFinite(max) ? max : 1 };
    }
    // A grid answering our own lr-view-change keeps the user's current view (they may have moved
    // on since) and the home box; any other field is a new landscape: show it and make it home.
    const echo = this.lastSent !== null && f.mode === '2d' && sameBox(box, this.lastSent);
    if (!echo) {
      this.home = { ...box };
      this.view = { ...box };
      this.lastSent = null;
    }
    this.fieldImage = null;
    this.fieldImageKey = '';
    this.schedule();
  }

  /** Sets the runs (json: [{color, label, visible}]) and clears all trajectories. */
  setRuns(json: string) {
    const runs: { color: string; label?: string; visible?: boolean }[] = JSON.parse(json);
    this.runs = runs.map((r) => ({
      color: r.color,
      label: r.label ?? '',
      visible: r.visible !== false,
      xs: new Float64Array(256),
      ys: new Float64Array(256),
      n: 0,
      diverged: -1,
    }));
    this.schedule();
  }

  /** Appends points: json is [[[x, y], ...] per run index]; null coordinates mark non-finite values. */
  appendTrajectory(json: string) {
    const add: ([number | null, number | null] | null)[][] = JSON.parse(json);
    add.forEach((pts, i) => {
      const r = this.runs[i];
      if (!r || !pts) {
        return;
      }
      if (r.n + pts.length > r.xs.length) {
        let cap = r.xs.length;
        while (cap < r.n + pts.length) cap *= 2;
        const xs = new Float64Array(cap);
        const ys = new Float64Array(cap);
        xs.set(r.xs.subarray(0, r.n));
        ys.set(r.ys.subarray(0, r.n));
        r.xs = xs;
        r.ys = ys;
      }
      for (const p of pts) {
        r.xs[r.n] = p && p[0] !== null ? p[0] : NaN;
        r.ys[r.n] = p && p[1] !== null ? p[1] : NaN;
        r.n++;
      }
    });
    this.schedule();
  }

  setVisible(run: number, visible: boolean) {
    if (this.runs[run]) {
      this.runs[run].visible = visible;
      this.schedule();
    }
  }

  /** The run diverged at `step`: its path stops there and its marker turns into a red ×. */
  setDiverged(run: number, step: number) {
    if (this.runs[run]) {
      // points hold states up to step-1; the marker dies once the playhead passes the last one
      this.runs[run].diverged = Math.floor(Math.max(0, step - 1) / this.stride) + 1;
      this.schedule();
    }
  }

  /** Moves every marker to `step` (called by <lr-player> each frame the playhead changes). */
  /** Steps between recorded points: the server thins long runs, the playhead stays in steps. */
  setStride(stride: number) {
    this.stride = Math.max(1, Math.floor(stride));
  }

  setPlayhead(step: number) {
    const s = step < 0 ? -1 : Math.floor(Math.floor(step) / this.stride);
    if (s !== this.head) {
      this.head = s;
      this.schedule();
    }
  }

  /** User-visible strings: json is a partial Labels object. */
  setLabels(json: string) {
    this.labels = { ...this.labels, ...JSON.parse(json) };
    this.applyLabels();
    this.schedule();
  }

  /** Downloads the canvas (field, axes, trajectories) as a PNG file. */
  exportPng(filename?: string) {
    this.draw();
    const a = document.createElement('a');
    a.download = filename || this.exportName;
    a.href = this.canvas.toDataURL('image/png');
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  setExportName(name: string) {
    this.exportName = name;
  }

  // ---------------------------------------------------------------- for tests

  /** The current playhead step (-1 until a player sets one: everything received is shown). */
  get playhead(): number {
    return this.head;
  }

  pointCount(run: number): number {
    return this.runs[run]?.n ?? 0;
  }

  /** [x, y] of run's marker in data coordinates, or null when it has none. */
  markerPosition(run: number): [number, number] | null {
    const r = this.runs[run];
    if (!r) {
      return null;
    }
    const i = this.markerIndex(r);
    return i < 0 ? null : [r.xs[i], r.ys[i]];
  }

  /** The current view box in data coordinates. */
  viewBox(): Box {
    return { ...this.view };
  }

  // ---------------------------------------------------------------- internals

  private applyLabels() {
    for (const key of Object.keys(this.buttons)) {
      const text = (this.labels as any)[key] as string;
      this.buttons[key].title = text;
      this.buttons[key].setAttribute('aria-label', text);
    }
  }

  private readColors() {
    const cs = getComputedStyle(this);
    const get = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
    this.colors = {
      text: get('--lumo-body-text-color', '#1a2433'),
      secondary: get('--lumo-secondary-text-color', '#5f6b7a'),
      grid: get('--lumo-contrast-10pct', 'rgba(0,0,0,0.1)'),
      frame: get('--lumo-contrast-30pct', 'rgba(0,0,0,0.3)'),
      base: get('--lumo-base-color', '#fff'),
    };
  }

  private resize() {
    const w = Math.max(1, Math.round(this.clientWidth));
    const h = Math.max(1, Math.round(this.clientHeight));
    const dpr = window.devicePixelRatio || 1;
    if (w === this.width && h === this.height && dpr === this.dpr) {
      return;
    }
    this.width = w;
    this.height = h;
    this.dpr = dpr;
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(h * dpr);
    this.invalidateField();
  }

  private invalidateField() {
    this.fieldImageKey = '';
    this.schedule();
  }

  private schedule() {
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.draw();
      });
    }
  }

  private plot() {
    return {
      left: MARGIN.left,
      top: MARGIN.top,
      w: Math.max(10, this.width - MARGIN.left - MARGIN.right),
      h: Math.max(10, this.height - MARGIN.top - MARGIN.bottom),
    };
  }

  private sx(x: number) {
    const p = this.plot();
    return p.left + ((x - this.view.x0) / (this.view.x1 - this.view.x0)) * p.w;
  }

  private sy(y: number) {
    const p = this.plot();
    return p.top + p.h - ((y - this.view.y0) / (this.view.y1 - this.view.y0)) * p.h;
  }

  private dataAt(px: number, py: number): [number, number] {
    const p = this.plot();
    return [
      this.view.x0 + ((px - p.left) / p.w) * (this.view.x1 - this.view.x0),
      this.view.y0 + ((p.top + p.h - py) / p.h) * (this.view.y1 - this.view.y0),
    ];
  }

  /** f at (x, y): bilinear in the 2-D grid, linear along the 1-D curve; NaN outside. */
  private valueAt(x: number, y: number): number {
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

  /** Renders the filled contours of the 2-D field into an offscreen canvas covering fieldBox. */
  private renderFieldImage(): void {
    const f = this.field;
    if (!f || f.mode !== '2d' || f.nx < 2 || f.ny < 2) {
      this.fieldImage = null;
      return;
    }
    const p = this.plot();
    // resolution: the field box at the current zoom, in device pixels, capped
    const scaleX = (p.w / (this.view.x1 - this.view.x0)) * (f.x1 - f.x0);
    const scaleY = (p.h / (this.view.y1 - this.view.y0)) * (f.y1 - f.y0);
    const w = Math.max(8, Math.min(2400, Math.round(scaleX * this.dpr)));
    const h = Math.max(8, Math.min(2400, Math.round(scaleY * this.dpr)));
    if (this.fieldImage && this.fieldImageKey) {
      return; // cached: pan and zoom only rescale it until the server sends a fresh grid
    }
    const key = `${w}x${h}`;
    const img = this.fieldImage ?? document.createElement('canvas');
    img.width = w;
    img.height = h;
    const g = img.getContext('2d')!;
    const { min, max } = this.fieldRange;
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
          ring.forEach((pt: number[], idx: number) => {
            const X = (pt[0] - 0.5) * kx;
            const Y = h - (pt[1] - 0.5) * ky;
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
    g.lineWidth = Math.max(0.6, 0.7 * this.dpr);
    g.strokeStyle = 'rgba(0,0,0,0.28)';
    paths.forEach((p2: Path2D, k: number) => {
      if (k > 0) g.stroke(p2);
    });
    this.fieldImage = img;
    this.fieldImageKey = key;
  }

  private markerIndex(r: Run): number {
    let i = r.n - 1;
    if (this.head >= 0) i = Math.min(i, this.head);
    if (r.diverged >= 0) i = Math.min(i, r.diverged);
    while (i >= 0 && !(Number.isFinite(r.xs[i]) && Number.isFinite(r.ys[i]))) i--;
    return i;
  }

  draw() {
    const ctx = this.ctx;
    const dpr = this.dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = this.colors.base;
    ctx.fillRect(0, 0, this.width, this.height);
    const p = this.plot();
    const f = this.field;

    ctx.save();
    ctx.beginPath();
    ctx.rect(p.left, p.top, p.w, p.h);
    ctx.clip();
    if (f && f.mode === '2d') {
      this.renderFieldImage();
      if (this.fieldImage) {
        const X0 = this.sx(f.x0);
        const X1 = this.sx(f.x1);
        const Y0 = this.sy(f.y1);
        const Y1 = this.sy(f.y0);
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(this.fieldImage, X0, Y0, X1 - X0, Y1 - Y0);
      }
    } else {
      this.drawGrid(p);
      if (f && f.mode === '1d') {
        this.drawCurve(f);
      }
    }
    this.drawMinima();
    this.drawRuns();
    this.drawLegend(p);
    ctx.restore();
    this.drawAxes(p);
  }

  private drawGrid(p: { left: number; top: number; w: number; h: number }) {
    const ctx = this.ctx;
    ctx.strokeStyle = this.colors.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const t of niceTicks(this.view.x0, this.view.x1, Math.max(2, p.w / 90))) {
      const X = Math.round(this.sx(t)) + 0.5;
      ctx.moveTo(X, p.top);
      ctx.lineTo(X, p.top + p.h);
    }
    for (const t of niceTicks(this.view.y0, this.view.y1, Math.max(2, p.h / 60))) {
      const Y = Math.round(this.sy(t)) + 0.5;
      ctx.moveTo(p.left, Y);
      ctx.lineTo(p.left + p.w, Y);
    }
    ctx.stroke();
  }

  private drawCurve(f: Field1d) {
    const ctx = this.ctx;
    ctx.strokeStyle = this.colors.text;
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
      const X = clampPx(this.sx(x));
      const Y = clampPx(this.sy(y));
      if (pen) ctx.lineTo(X, Y);
      else ctx.moveTo(X, Y);
      pen = true;
    }
    ctx.stroke();
  }

  private drawMinima() {
    const f = this.field;
    if (!f || !f.minima) {
      return;
    }
    const ctx = this.ctx;
    ctx.font = `12px ${getComputedStyle(this).fontFamily || 'sans-serif'}`;
    for (const m of f.minima) {
      const y = f.mode === '1d' ? m.y ?? this.valueAt(m.x, 0) : m.y ?? 0;
      const X = this.sx(m.x);
      const Y = this.sy(y);
      if (!Number.isFinite(X) || !Number.isFinite(Y)) continue;
      star(ctx, X, Y, 7, 3);
      ctx.fillStyle = '#fff';
      ctx.fill();
      ctx.lineWidth = 1.4;
      ctx.strokeStyle = '#111';
      ctx.stroke();
      if (m.label) {
        ctx.lineWidth = 3;
        ctx.strokeStyle = f.mode === '2d' ? 'rgba(0,0,0,0.55)' : this.colors.base;
        ctx.fillStyle = f.mode === '2d' ? '#fff' : this.colors.text;
        ctx.strokeText(m.label, X + 9, Y - 7);
        ctx.fillText(m.label, X + 9, Y - 7);
      }
    }
  }

  private drawRuns() {
    const ctx = this.ctx;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    for (const r of this.runs) {
      if (!r.visible || r.n === 0) continue;
      const last = r.diverged >= 0 ? Math.min(r.n - 1, r.diverged) : r.n - 1;
      const cut = this.head >= 0 ? Math.min(this.head, last) : last;
      ctx.strokeStyle = r.color;
      ctx.lineWidth = 2;
      if (cut < last) {
        ctx.globalAlpha = 0.28;
        this.polyline(r, cut, last);
        ctx.globalAlpha = 1;
      }
      this.polyline(r, 0, cut);
      // start point: a small ring
      if (Number.isFinite(r.xs[0]) && Number.isFinite(r.ys[0])) {
        ctx.beginPath();
        ctx.arc(clampPx(this.sx(r.xs[0])), clampPx(this.sy(r.ys[0])), 3.5, 0, Math.PI * 2);
        ctx.fillStyle = this.colors.base;
        ctx.fill();
        ctx.lineWidth = 1.5;
        ctx.stroke();
      }
    }
    for (const r of this.runs) {
      if (!r.visible || r.n === 0) continue;
      const i = this.markerIndex(r);
      if (i < 0) continue;
      const X = clampPx(this.sx(r.xs[i]));
      const Y = clampPx(this.sy(r.ys[i]));
      const dead = r.diverged >= 0 && (this.head < 0 || this.head >= r.diverged);
      ctx.beginPath();
      ctx.arc(X, Y, 6, 0, Math.PI * 2);
      ctx.fillStyle = dead ? '#e53935' : r.color;
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = '#fff';
      ctx.stroke();
      if (dead) {
        ctx.beginPath();
        ctx.moveTo(X - 3, Y - 3);
        ctx.lineTo(X + 3, Y + 3);
        ctx.moveTo(X + 3, Y - 3);
        ctx.lineTo(X - 3, Y + 3);
        ctx.lineWidth = 1.8;
        ctx.stroke();
      }
    }
  }

  /** Run labels with their colours, bottom right inside the plot (so an exported PNG is self-explaining). */
  private drawLegend(p: { left: number; top: number; w: number; h: number }) {
    const items = this.runs.filter((r) => r.visible && r.label && r.n > 0);
    if (items.length === 0) return;
    const ctx = this.ctx;
    ctx.font = `11px ${getComputedStyle(this).fontFamily || 'sans-serif'}`;
    const lineH = 15;
    const w = Math.max(...items.map((r) => ctx.measureText(r.label).width)) + 28;
    const h = items.length * lineH + 8;
    const x = p.left + p.w - w - 8;
    const y = p.top + p.h - h - 8;
    ctx.globalAlpha = 0.85;
    ctx.fillStyle = this.colors.base;
    ctx.fillRect(x, y, w, h);
    ctx.globalAlpha = 1;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    items.forEach((r, k) => {
      const cy = y + 4 + lineH * k + lineH / 2;
      ctx.strokeStyle = r.color;
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      ctx.moveTo(x + 6, cy);
      ctx.lineTo(x + 18, cy);
      ctx.stroke();
      ctx.fillStyle = this.colors.text;
      ctx.fillText(r.label, x + 23, cy);
    });
  }

  /** One polyline through points a..b, skipping points closer than half a pixel to the last drawn. */
  private polyline(r: Run, a: number, b: number) {
    const ctx = this.ctx;
    const v = this.view;
    const p = this.plot();
    const kx = p.w / (v.x1 - v.x0);
    const ky = p.h / (v.y1 - v.y0);
    const ox = p.left - v.x0 * kx;
    const oy = p.top + p.h + v.y0 * ky;
    ctx.beginPath();
    let lx = NaN;
    let ly = NaN;
    let pen = false;
    let pending = false;
    let px = 0;
    let py = 0;
    for (let i = a; i <= b; i++) {
      const x = r.xs[i];
      const y = r.ys[i];
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        if (pending) ctx.lineTo(px, py);
        pen = false;
        pending = false;
        continue;
      }
      px = clampPx(ox + x * kx);
      py = clampPx(oy - y * ky);
      if (!pen) {
        ctx.moveTo(px, py);
        lx = px;
        ly = py;
        pen = true;
        pending = false;
      } else if (Math.abs(px - lx) >= 0.5 || Math.abs(py - ly) >= 0.5) {
        ctx.lineTo(px, py);
        lx = px;
        ly = py;
        pending = false;
      } else {
        pending = true;
      }
    }
    if (pending) ctx.lineTo(px, py);
    ctx.stroke();
  }

  private drawAxes(p: { left: number; top: number; w: number; h: number }) {
    const ctx = this.ctx;
    const is1d = this.field?.mode === '1d';
    ctx.strokeStyle = this.colors.frame;
    ctx.lineWidth = 1;
    ctx.strokeRect(p.left + 0.5, p.top + 0.5, p.w - 1, p.h - 1);
    ctx.fillStyle = this.colors.secondary;
    ctx.font = `11px ${getComputedStyle(this).fontFamily || 'sans-serif'}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const spanX = this.view.x1 - this.view.x0;
    const spanY = this.view.y1 - this.view.y0;
    ctx.beginPath();
    for (const t of niceTicks(this.view.x0, this.view.x1, Math.max(2, p.w / 90))) {
      const X = Math.round(this.sx(t)) + 0.5;
      ctx.moveTo(X, p.top + p.h);
      ctx.lineTo(X, p.top + p.h + 4);
      ctx.fillText(fmtTick(t, spanX), X, p.top + p.h + 6);
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of niceTicks(this.view.y0, this.view.y1, Math.max(2, p.h / 60))) {
      const Y = Math.round(this.sy(t)) + 0.5;
      ctx.moveTo(p.left - 4, Y);
      ctx.lineTo(p.left, Y);
      ctx.fillText(fmtTick(t, spanY), p.left - 6, Y);
    }
    ctx.stroke();
    ctx.fillStyle = this.colors.text;
    ctx.font = `12px ${getComputedStyle(this).fontFamily || 'sans-serif'}`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(is1d ? this.labels.x1d : this.labels.x, p.left + p.w, this.height - 2);
    ctx.save();
    ctx.translate(12, p.top);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText(is1d ? this.labels.y1d : this.labels.y, 0, 0);
    ctx.restore();
  }

  // ---------------------------------------------------------------- interaction

  private local(e: PointerEvent | WheelEvent): [number, number] {
    const rect = this.canvas.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top];
  }

  private onPointerDown(e: PointerEvent) {
    if (e.button !== 0) return;
    this.canvas.setPointerCapture(e.pointerId);
    const [x, y] = this.local(e);
    this.touches.set(e.pointerId, [x, y]);
    if (this.touches.size === 2) {
      // two fingers: pinch zoom about their midpoint (no pan, no pick)
      const [a, b] = [...this.touches.values()];
      this.drag = null;
      this.pinch = { dist: Math.max(10, Math.hypot(a[0] - b[0], a[1] - b[1])), view: { ...this.view }, cx: (a[0] + b[0]) / 2, cy: (a[1] + b[1]) / 2 };
      return;
    }
    this.drag = { id: e.pointerId, sx: x, sy: y, view: { ...this.view }, moved: false };
  }

  private onPinchMove() {
    const pz = this.pinch!;
    const [a, b] = [...this.touches.values()];
    const factor = pz.dist / Math.max(10, Math.hypot(a[0] - b[0], a[1] - b[1]));
    this.view = { ...pz.view };
    const [cx, cy] = this.dataAt(pz.cx, pz.cy);
    this.view = {
      x0: cx + (pz.view.x0 - cx) * factor,
      x1: cx + (pz.view.x1 - cx) * factor,
      y0: cy + (pz.view.y0 - cy) * factor,
      y1: cy + (pz.view.y1 - cy) * factor,
    };
    this.viewChanged(false);
  }

  private onPointerMove(e: PointerEvent) {
    const [x, y] = this.local(e);
    if (this.touches.has(e.pointerId)) this.touches.set(e.pointerId, [x, y]);
    if (this.pinch && this.touches.size >= 2) {
      this.onPinchMove();
      return;
    }
    const d = this.drag;
    if (d && d.id === e.pointerId) {
      if (!d.moved && Math.hypot(x - d.sx, y - d.sy) > 4) {
        d.moved = true;
      }
      if (d.moved) {
        const p = this.plot();
        const dx = ((x - d.sx) / p.w) * (d.view.x1 - d.view.x0);
        const dy = ((y - d.sy) / p.h) * (d.view.y1 - d.view.y0);
        this.view = { x0: d.view.x0 - dx, x1: d.view.x1 - dx, y0: d.view.y0 + dy, y1: d.view.y1 + dy };
        this.viewChanged(false);
      }
    }
    this.showReadout(x, y);
  }

  private onPointerUp(e: PointerEvent) {
    this.touches.delete(e.pointerId);
    if (this.pinch) {
      if (this.touches.size < 2) {
        this.pinch = null;
        this.viewChanged(true);
      }
      return;
    }
    const d = this.drag;
    this.drag = null;
    if (!d || d.id !== e.pointerId) return;
    if (d.moved) {
      this.viewChanged(true);
      return;
    }
    const [x, y] = this.local(e);
    const p = this.plot();
    if (x < p.left || x > p.left + p.w || y < p.top || y > p.top + p.h) return;
    const [dx, dy] = this.dataAt(x, y);
    const detail = this.field?.mode === '1d' ? { x: dx, y: finiteOr(this.valueAt(dx, 0), 0) } : { x: dx, y: dy };
    this.dispatchEvent(new CustomEvent('lr-pick', { detail, bubbles: true, composed: true }));
  }

  private onWheel(e: WheelEvent) {
    e.preventDefault();
    const [x, y] = this.local(e);
    const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    this.zoomAt(x, y, Math.exp(dy * 0.0015));
    this.showReadout(x, y);
  }

  /** Zoom by `factor` (>1 zooms out) keeping the data point under (px, py) fixed. */
  private zoomAt(px: number, py: number, factor: number) {
    const [cx, cy] = this.dataAt(px, py);
    const v = this.view;
    const span = Math.max(Math.abs(v.x1 - v.x0), Math.abs(v.y1 - v.y0));
    if ((factor < 1 && span < 1e-9) || (factor > 1 && span > 1e12)) return;
    this.view = {
      x0: cx + (v.x0 - cx) * factor,
      x1: cx + (v.x1 - cx) * factor,
      y0: cy + (v.y0 - cy) * factor,
      y1: cy + (v.y1 - cy) * factor,
    };
    this.viewChanged(true);
  }

  private onTool(key: string) {
    const p = this.plot();
    const cx = p.left + p.w / 2;
    const cy = p.top + p.h / 2;
    if (key === 'zoomIn') this.zoomAt(cx, cy, 1 / 1.5);
    else if (key === 'zoomOut') this.zoomAt(cx, cy, 1.5);
    else if (key === 'reset') {
      this.view = { ...this.home };
      this.viewChanged(true);
    } else if (key === 'download') this.exportPng();
  }

  /** Redraws now; when `settled`, tells the server about the new box ~250 ms after the last change. */
  private viewChanged(settled: boolean) {
    this.fieldImageKey = this.fieldImage && this.zoomedFar() ? '' : this.fieldImageKey;
    this.schedule();
    clearTimeout(this.viewTimer);
    if (!settled) return;
    this.viewTimer = window.setTimeout(() => {
      if (this.lastSent && sameBox(this.lastSent, this.view)) return;
      if (!this.lastSent && sameBox(this.home, this.view) && this.field && sameBox(this.fieldBoxOf(), this.view)) return;
      this.lastSent = { ...this.view };
      this.dispatchEvent(new CustomEvent('lr-view-change', { detail: { ...this.view }, bubbles: true, composed: true }));
    }, 250);
  }

  private fieldBoxOf(): Box {
    return this.fieldBox;
  }

  /** True when the cached field image would be upscaled more than 2× (re-render it sharper). */
  private zoomedFar(): boolean {
    if (!this.fieldImage || !this.field || this.field.mode !== '2d') return false;
    const p = this.plot();
    const need = (p.w / (this.view.x1 - this.view.x0)) * (this.field.x1 - this.field.x0) * this.dpr;
    return need > this.fieldImage.width * 2 && this.fieldImage.width < 2400;
  }

  private showReadout(x: number, y: number) {
    const p = this.plot();
    if (!this.field || x < p.left || x > p.left + p.w || y < p.top || y > p.top + p.h) {
      this.readoutEl.hidden = true;
      return;
    }
    const [dx, dy] = this.dataAt(x, y);
    const l = this.labels;
    if (this.field.mode === '1d') {
      this.readoutEl.textContent = `${l.x1d} = ${fmtValue(dx)}   ${l.y1d} = ${fmtValue(this.valueAt(dx, 0))}`;
    } else {
      this.readoutEl.textContent = `${l.x} = ${fmtValue(dx)}   ${l.y} = ${fmtValue(dy)}   ${l.value} = ${fmtValue(
        this.valueAt(dx, dy),
      )}`;
    }
    this.readoutEl.hidden = false;
  }
}

function sameBox(a: Box, b: Box): boolean {
  const tol = 1e-9 * Math.max(Math.abs(a.x1 - a.x0), Math.abs(a.y1 - a.y0), 1e-300);
  return (
    Math.abs(a.x0 - b.x0) <= tol && Math.abs(a.x1 - b.x1) <= tol && Math.abs(a.y0 - b.y0) <= tol && Math.abs(a.y1 - b.y1) <= tol
  );
}

function finiteOr(v: number, d: number) {
  return Number.isFinite(v) ? v : d;
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

customElements.define('lr-landscape', LrLandscape);
