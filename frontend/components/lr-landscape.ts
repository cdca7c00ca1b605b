import { drawAxes } from './landscape/axes';
import { FieldLayer } from './landscape/field';
import { Interaction } from './landscape/interaction';
import { MARGIN, Scales } from './landscape/scales';
import { Trajectories } from './landscape/trajectories';
import type { Box, Colors, Field, Labels, Paint, Run } from './landscape/types';

const STYLE = `
:host { display: block; position: relative; overflow: hidden; user-select: none; touch-action: none;
  min-height: 120px; font-family: var(--lumo-font-family, sans-serif); }
canvas { position: absolute; inset: 0; width: 100%; height: 100%; cursor: crosshair; }
.tools { position: absolute; top: 14px; right: 16px; display: flex; gap: 4px; }
button { width: calc(28px + (var(--lr-landscape-text, 11px) - 11px) * 1.2);
  height: calc(28px + (var(--lr-landscape-text, 11px) - 11px) * 1.2); padding: 4px; border-radius: var(--lumo-border-radius-m, 4px);
  border: 1px solid var(--lumo-contrast-20pct, #ccc); background: var(--lumo-base-color, #fff);
  color: var(--lumo-body-text-color, #222); cursor: pointer; opacity: 0.9; }
button:hover { opacity: 1; background: var(--lumo-contrast-5pct, #eee); }
button:focus-visible { outline: 2px solid var(--lumo-primary-color, #1676f3); outline-offset: 1px; }
button svg { width: 100%; height: 100%; fill: none; stroke: currentColor; stroke-width: 1.6; stroke-linecap: round; }
.readout { position: absolute; left: ${MARGIN.left + 6}px; top: ${MARGIN.top + 4}px; padding: 2px 6px;
  border-radius: var(--lumo-border-radius-s, 3px); background: var(--lumo-base-color, #fff);
  color: var(--lumo-body-text-color, #222); font-size: var(--lr-landscape-text, var(--lumo-font-size-xs, 12px));
  font-variant-numeric: tabular-nums; opacity: 0.88; pointer-events: none; white-space: pre; }
.readout[hidden] { display: none; }
/* on a phone the larger buttons of projector text would cover the plot's top edge */
@media (max-width: 600px) { button { width: 28px; height: 28px; } }
`;

/**
 * <lr-landscape>: a canvas view of a loss landscape (filled contours of a 2-D grid, or a 1-D
 * curve) with optimizer trajectories and one marker per run at the playhead step. Pan by drag,
 * zoom by wheel or the overlay buttons; the server is asked for a fresh grid (lr-view-change)
 * after a gesture settles. A click without drag fires lr-pick.
 *
 * The element only wires its layers (landscape/): scales (view box and transforms), field
 * (contours or curve), trajectories (paths and markers) and interaction (gestures, buttons,
 * readout). Its methods are the API the Java wrapper LandscapeCanvas calls.
 */
export class LrLandscape extends HTMLElement {
  readonly scales = new Scales();
  readonly fieldLayer = new FieldLayer();
  private readonly trajectories = new Trajectories();
  private readonly interaction: Interaction;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  labels: Labels = {
    x: 'θ₁',
    y: 'θ₂',
    x1d: 'θ',
    y1d: 'f(θ)',
    value: 'f',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Fit the runs',
    reset: 'Reset view',
    download: 'Download PNG',
  };
  private colors: Colors = { text: '#333', secondary: '#666', grid: 'rgba(0,0,0,0.1)', base: '#fff', frame: 'rgba(0,0,0,0.3)' };
  private frame = 0;
  private resizeObserver?: ResizeObserver;
  private themeObserver?: MutationObserver;
  private exportName = 'landscape.png';
  /** The exported picture's heading: the experiment's or preset's name. */
  private exportTitle = '';

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${STYLE}</style><canvas part="canvas"></canvas>
      <div class="readout" part="readout" hidden></div><div class="tools" part="tools"></div>`;
    this.canvas = root.querySelector('canvas')!;
    this.ctx = this.canvas.getContext('2d')!;
    this.interaction = new Interaction(this, this.canvas, root.querySelector('.readout')!, root.querySelector('.tools')!);
    this.interaction.applyLabels(this.labels);
  }

  connectedCallback() {
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(this);
    // Lumo's theme switch changes custom properties on <html>: re-read them and re-render
    this.themeObserver = new MutationObserver(() => {
      this.readColors();
      this.fieldLayer.invalidate();
      this.schedule();
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
    this.interaction.dispose();
  }

  // ---------------------------------------------------------------- server API

  /** Replaces the landscape: json is a Field (mode "2d" grid or "1d" curve). */
  setField(json: string) {
    const f: Field = JSON.parse(json);
    const box = this.fieldLayer.set(f);
    this.scales.equalAspect = f.mode === '2d';
    // A grid answering our own lr-view-change keeps the user's current view (they may have moved
    // on since) and the home box; any other field is a new landscape: show it and make it home.
    const echo = f.mode === '2d' && this.interaction.answersRequest(box);
    if (!echo) {
      this.scales.home = { ...box };
      this.scales.view = { ...box };
      this.interaction.forgetRequest();
    }
    this.schedule();
  }

  /** Sets the runs (json: [{color, label, visible}]) and clears all trajectories. */
  setRuns(json: string) {
    this.trajectories.setRuns(JSON.parse(json));
    this.schedule();
  }

  /** Appends points: json is [[[x, y], ...] per run index]; null coordinates mark non-finite values. */
  appendTrajectory(json: string) {
    this.trajectories.append(JSON.parse(json));
    this.schedule();
  }

  setVisible(run: number, visible: boolean) {
    if (this.trajectories.setVisible(run, visible)) this.schedule();
  }

  /** The run diverged at `step`: its path stops there and its marker turns into a red ×. */
  setDiverged(run: number, step: number) {
    if (this.trajectories.setDiverged(run, step)) this.schedule();
  }

  /** Steps between recorded points: the server thins long runs, the playhead stays in steps. */
  setStride(stride: number) {
    this.trajectories.setStride(stride);
  }

  /** Moves every marker to `step` (called by <lr-player> each frame the playhead changes). */
  setPlayhead(step: number) {
    if (this.trajectories.setPlayhead(step)) this.schedule();
  }

  /** User-visible strings: json is a partial Labels object. */
  setLabels(json: string) {
    this.labels = { ...this.labels, ...JSON.parse(json) };
    this.interaction.applyLabels(this.labels);
    this.schedule();
  }

  /**
   * Downloads the picture as a PNG file: the view as on screen (field, axes, trajectories, markers)
   * under a heading with the experiment's title and a legend of every shown run, at least twice the
   * element's CSS size (or the screen's device pixels, if more) so it stays sharp on a slide.
   */
  exportPng(filename?: string) {
    const c = this.exportCanvas();
    const name = filename || this.exportName;
    c.toBlob((blob) => {
      if (!blob) return;
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.download = name;
      a.href = url;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }, 'image/png');
  }

  /** The picture exportPng saves, as a canvas of device pixels (the browser tests read its size). */
  exportCanvas(): HTMLCanvasElement {
    const s = this.scales;
    const k = Math.max(2, window.devicePixelRatio || 1);
    const out = document.createElement('canvas');
    const ctx = out.getContext('2d')!;
    const pad = 8 + s.text;
    // measure the heading first: the title line, then the legend rows wrapped to the width
    const probe: Paint = this.paint(ctx);
    const titleFont = `600 ${Math.round(s.text * 1.45)}px ${probe.font}`;
    const titleLineH = Math.round(s.text * 1.45 * 1.3);
    ctx.font = titleFont;
    const lines = this.exportTitle ? wrapLines(ctx, this.exportTitle, s.width - 2 * pad) : [];
    const titleH = lines.length ? lines.length * titleLineH + 6 : 0;
    const legendH = this.trajectories.drawLegendRows(probe, pad, 0, s.width - 2 * pad, true);
    const head = titleH || legendH ? pad + titleH + legendH + 6 : 0;
    out.width = Math.round(s.width * k);
    out.height = Math.round((s.height + head) * k);
    ctx.setTransform(k, 0, 0, k, 0, 0);
    ctx.fillStyle = this.colors.base;
    ctx.fillRect(0, 0, s.width, s.height + head);
    const pt = this.paint(ctx);
    ctx.fillStyle = this.colors.text;
    ctx.font = titleFont;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    lines.forEach((line, i) => ctx.fillText(line, pad, pad + i * titleLineH));
    this.trajectories.drawLegendRows(pt, pad, pad + titleH, s.width - 2 * pad);
    // the contour image is rendered again at the export's resolution, then at the screen's
    const dpr = s.dpr;
    s.dpr = k;
    this.fieldLayer.invalidate();
    try {
      this.drawOn(ctx, k, head, false);
    } finally {
      s.dpr = dpr;
      this.fieldLayer.invalidate();
      this.schedule();
    }
    return out;
  }

  /** The heading of the exported picture (the preset's or experiment's name). */
  setExportTitle(title: string) {
    this.exportTitle = title ?? '';
  }

  /**
   * Tick label size in CSS px (11 normally, 18+ on a projector): axis titles, minima labels, the
   * legend, markers and the hover readout grow with it, and the margins make room.
   */
  setTextSize(px: number) {
    if (this.scales.setText(px)) {
      this.style.setProperty('--lr-landscape-text', `${this.scales.text}px`);
      this.fieldLayer.invalidate();
      this.schedule();
    }
  }

  /** The tick label size in force (for tests). */
  get textSize(): number {
    return this.scales.text;
  }

  /**
   * The view that shows every drawn trajectory (up to its last finite state) and the known
   * minima, with a margin; the shape is left to the equal-aspect letterbox.
   */
  fitBox(): Box | null {
    const b = this.trajectories.bounds();
    if (!b) return null;
    const f = this.fieldLayer.field;
    for (const m of f?.minima ?? []) {
      const y = f!.mode === '1d' ? m.y ?? this.fieldLayer.valueAt(m.x, 0) : m.y ?? 0;
      if (!Number.isFinite(m.x) || !Number.isFinite(y)) continue;
      b.x0 = Math.min(b.x0, m.x);
      b.x1 = Math.max(b.x1, m.x);
      b.y0 = Math.min(b.y0, y);
      b.y1 = Math.max(b.y1, y);
    }
    // a run that stood still still gets a view around it
    const span = Math.max(b.x1 - b.x0, b.y1 - b.y0, 1e-9);
    const px = Math.max((b.x1 - b.x0) * 0.08, span * 0.04);
    const py = Math.max((b.y1 - b.y0) * 0.08, span * 0.04);
    return { x0: b.x0 - px, x1: b.x1 + px, y0: b.y0 - py, y1: b.y1 + py };
  }

  setExportName(name: string) {
    this.exportName = name;
  }

  // ---------------------------------------------------------------- for tests

  /** The current playhead step (-1 until a player sets one: everything received is shown). */
  get playhead(): number {
    return this.trajectories.head;
  }

  /** The runs as drawn (the browser tests read their visibility). */
  get runs(): Run[] {
    return this.trajectories.runs;
  }

  pointCount(run: number): number {
    return this.trajectories.pointCount(run);
  }

  /** [x, y] of run's marker in data coordinates, or null when it has none. */
  markerPosition(run: number): [number, number] | null {
    return this.trajectories.markerPosition(run);
  }

  /** The minima labels' boxes on the canvas at the last draw (null: left out, no free spot). */
  minimaLabelBoxes() {
    return this.fieldLayer.labelBoxes;
  }

  /** The current view box in data coordinates. */
  viewBox(): Box {
    return { ...this.scales.view };
  }

  // ---------------------------------------------------------------- drawing

  /** Draws on the next animation frame; any number of changes within one frame cost one draw. */
  schedule() {
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.draw();
      });
    }
  }

  draw() {
    this.drawOn(this.ctx, this.scales.dpr, 0, true);
  }

  /** Everything the canvas shows, drawn on `ctx` at `scale` device pixels per CSS pixel, `top` px down. */
  private drawOn(ctx: CanvasRenderingContext2D, scale: number, top: number, legend: boolean) {
    const s = this.scales;
    ctx.setTransform(scale, 0, 0, scale, 0, top * scale);
    ctx.fillStyle = this.colors.base;
    ctx.fillRect(0, 0, s.width, s.height);
    const pt = this.paint(ctx);
    const p = pt.plot;
    ctx.save();
    ctx.beginPath();
    ctx.rect(p.left, p.top, p.w, p.h);
    ctx.clip();
    this.fieldLayer.draw(pt);
    this.fieldLayer.drawMinima(pt);
    this.trajectories.draw(pt);
    // the labels go over the paths, clear of the legend and of every run's marker
    const legendBox = legend ? this.trajectories.legendBox(pt) : null;
    const obstacles = legendBox ? [legendBox] : [];
    const r = 7 * (pt.text / 11);
    this.trajectories.runs.forEach((_, i) => {
      const m = this.trajectories.markerPosition(i);
      if (!m) return;
      const X = s.sx(m[0], p);
      const Y = s.sy(m[1], p);
      if (Number.isFinite(X) && Number.isFinite(Y)) obstacles.push({ x: X - r, y: Y - r, w: 2 * r, h: 2 * r });
    });
    this.fieldLayer.drawMinimaLabels(pt, obstacles);
    // an exported picture has its legend in the heading, clear of the paths
    if (legend) this.trajectories.drawLegend(pt);
    ctx.restore();
    const is1d = this.fieldLayer.is1d;
    drawAxes(pt, is1d ? this.labels.x1d : this.labels.x, is1d ? this.labels.y1d : this.labels.y);
  }

  private paint(ctx: CanvasRenderingContext2D): Paint {
    const s = this.scales;
    return { ctx, scales: s, plot: s.plot(), colors: this.colors, font: getComputedStyle(this).fontFamily || 'sans-serif', text: s.text };
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
    if (!this.scales.resize(w, h, window.devicePixelRatio || 1)) {
      return;
    }
    this.canvas.width = Math.round(w * this.scales.dpr);
    this.canvas.height = Math.round(h * this.scales.dpr);
    this.fieldLayer.invalidate();
    this.schedule();
  }
}

/**
 * `text` broken into lines no wider than `width` in the context's font: at spaces where there are
 * any, else between characters (Chinese titles have no spaces).
 */
function wrapLines(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    const next = line + ch;
    if (line && ctx.measureText(next).width > width) {
      const cut = line.lastIndexOf(' ');
      if (cut > 0 && ch !== ' ') {
        lines.push(line.slice(0, cut));
        line = line.slice(cut + 1) + ch;
      } else {
        lines.push(line.trimEnd());
        line = ch === ' ' ? '' : ch;
      }
    } else {
      line = next;
    }
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

customElements.define('lr-landscape', LrLandscape);
