import { clampPx } from './scales';
import type { Paint, Run } from './types';

/**
 * The optimizer runs: their trajectories as growing typed arrays, the playhead, and drawing —
 * paths (the part after the playhead faded), start rings, one marker per run at the playhead,
 * a red × once a run has diverged, and the legend.
 */
export class Trajectories {
  runs: Run[] = [];
  /** Playhead as a point index; -1 = show everything received. */
  head = -1;
  /** Steps per recorded point: the server thins long runs, the playhead stays in steps. */
  private stride = 1;

  /** Replaces the runs ([{color, label, visible}]) and clears all trajectories. */
  setRuns(runs: { color: string; label?: string; visible?: boolean }[]) {
    this.runs = runs.map((r) => ({
      color: r.color,
      label: r.label ?? '',
      visible: r.visible !== false,
      xs: new Float64Array(256),
      ys: new Float64Array(256),
      n: 0,
      diverged: -1,
    }));
  }

  /** Appends points, [[x, y], ...] per run index; null coordinates mark non-finite values. */
  append(add: ([number | null, number | null] | null)[][]) {
    add.forEach((pts, i) => {
      const r = this.runs[i];
      if (!r || !pts) {
        return;
      }
      if (r.n + pts.length > r.xs.length) {
        // doubling keeps appends amortised O(1) for runs of 100,000 points
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
  }

  /** False when there is no such run (nothing to redraw). */
  setVisible(run: number, visible: boolean): boolean {
    if (!this.runs[run]) return false;
    this.runs[run].visible = visible;
    return true;
  }

  /** The run diverged at `step`; false when there is no such run. */
  setDiverged(run: number, step: number): boolean {
    if (!this.runs[run]) return false;
    // points hold states up to step-1; the marker dies once the playhead passes the last one
    this.runs[run].diverged = Math.floor(Math.max(0, step - 1) / this.stride) + 1;
    return true;
  }

  setStride(stride: number) {
    this.stride = Math.max(1, Math.floor(stride));
  }

  /** Moves the playhead to `step` (-1: the end); false when the point index did not change. */
  setPlayhead(step: number): boolean {
    const s = step < 0 ? -1 : Math.floor(Math.floor(step) / this.stride);
    if (s === this.head) return false;
    this.head = s;
    return true;
  }

  pointCount(run: number): number {
    return this.runs[run]?.n ?? 0;
  }

  /** [x, y] of run's marker in data coordinates, or null when it has none. */
  markerPosition(run: number): [number, number] | null {
    const r = this.runs[run];
    if (!r) return null;
    const i = this.markerIndex(r);
    return i < 0 ? null : [r.xs[i], r.ys[i]];
  }

  /** The last finite point at or before the playhead and the divergence. */
  private markerIndex(r: Run): number {
    let i = r.n - 1;
    if (this.head >= 0) i = Math.min(i, this.head);
    if (r.diverged >= 0) i = Math.min(i, r.diverged);
    while (i >= 0 && !(Number.isFinite(r.xs[i]) && Number.isFinite(r.ys[i]))) i--;
    return i;
  }

  draw(pt: Paint) {
    const { ctx, scales: s, plot: p } = pt;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    for (const r of this.runs) {
      if (!r.visible || r.n === 0) continue;
      const last = r.diverged >= 0 ? Math.min(r.n - 1, r.diverged) : r.n - 1;
      const cut = this.head >= 0 ? Math.min(this.head, last) : last;
      ctx.strokeStyle = r.color;
      ctx.lineWidth = 2 * ink(pt);
      if (cut < last) {
        // the future of the path stays faintly visible while scrubbing back
        ctx.globalAlpha = 0.28;
        this.polyline(pt, r, cut, last);
        ctx.globalAlpha = 1;
      }
      this.polyline(pt, r, 0, cut);
      // start point: a small ring
      if (Number.isFinite(r.xs[0]) && Number.isFinite(r.ys[0])) {
        ctx.beginPath();
        ctx.arc(clampPx(s.sx(r.xs[0], p)), clampPx(s.sy(r.ys[0], p)), 3.5 * ink(pt), 0, Math.PI * 2);
        ctx.fillStyle = pt.colors.base;
        ctx.fill();
        ctx.lineWidth = 1.5 * ink(pt);
        ctx.stroke();
      }
    }
    // markers after all paths, so no path hides another run's marker
    for (const r of this.runs) {
      if (!r.visible || r.n === 0) continue;
      const i = this.markerIndex(r);
      if (i < 0) continue;
      const tx = clampPx(s.sx(r.xs[i], p));
      const ty = clampPx(s.sy(r.ys[i], p));
      // a marker outside the view (a run that left it, often one diverging) sits on the edge
      // with an arrow towards where it really is
      const X = Math.min(p.left + p.w - EDGE, Math.max(p.left + EDGE, tx));
      const Y = Math.min(p.top + p.h - EDGE, Math.max(p.top + EDGE, ty));
      if (X !== tx || Y !== ty) edgeArrow(ctx, X, Y, tx - X, ty - Y, r.color);
      const dead = this.isDead(r);
      const R = 6 * ink(pt);
      ctx.beginPath();
      ctx.arc(X, Y, R, 0, Math.PI * 2);
      ctx.fillStyle = dead ? '#e53935' : r.color;
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = '#fff';
      ctx.stroke();
      if (dead) {
        ctx.beginPath();
        const d = R / 2;
        ctx.moveTo(X - d, Y - d);
        ctx.lineTo(X + d, Y + d);
        ctx.moveTo(X + d, Y - d);
        ctx.lineTo(X - d, Y + d);
        ctx.lineWidth = 1.8;
        ctx.stroke();
      }
    }
  }

  /**
   * The box holding every visible run's finite points up to its last state (for the fit button),
   * or null when nothing is drawn.
   */
  bounds(): { x0: number; x1: number; y0: number; y1: number } | null {
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (const r of this.runs) {
      if (!r.visible) continue;
      const last = r.diverged >= 0 ? Math.min(r.n - 1, r.diverged) : r.n - 1;
      for (let i = 0; i <= last; i++) {
        const x = r.xs[i];
        const y = r.ys[i];
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
    return x1 >= x0 && y1 >= y0 ? { x0, x1, y0, y1 } : null;
  }

  /** Run labels with their colours, bottom right inside the plot (the page's own picture). */
  private legendItems() {
    return this.runs.filter((r) => r.visible && r.label && r.n > 0);
  }

  /** Where the in-plot legend goes (lower right), or null when no run has a path to name. */
  legendBox(pt: Paint): { x: number; y: number; w: number; h: number } | null {
    const items = this.legendItems();
    if (items.length === 0) return null;
    const { ctx, plot: p } = pt;
    const k = pt.text / 11;
    ctx.font = `${pt.text}px ${pt.font}`;
    const lineH = 15 * k;
    const w = Math.max(...items.map((r) => ctx.measureText(r.label).width)) + 28 * k;
    const h = items.length * lineH + 8 * k;
    return { x: p.left + p.w - w - 8, y: p.top + p.h - h - 8, w, h };
  }

  drawLegend(pt: Paint) {
    const box = this.legendBox(pt);
    if (!box) return;
    const items = this.legendItems();
    const { ctx } = pt;
    const k = pt.text / 11;
    const lineH = 15 * k;
    const { x, y, w, h } = box;
    ctx.globalAlpha = 0.85;
    ctx.fillStyle = pt.colors.base;
    ctx.fillRect(x, y, w, h);
    ctx.globalAlpha = 1;
    items.forEach((r, i) => legendItem(pt, r, x + 6 * k, y + 4 * k + lineH * i + lineH / 2, this.isDead(r)));
  }

  /**
   * The legend of an exported picture: every visible run (also one not yet run), in rows under the
   * title, wrapped to `width`; returns the height used. With `measureOnly` nothing is drawn.
   */
  drawLegendRows(pt: Paint, left: number, top: number, width: number, measureOnly = false): number {
    const items = this.runs.filter((r) => r.visible && r.label);
    if (items.length === 0) return 0;
    const { ctx } = pt;
    const k = pt.text / 11;
    ctx.font = `${pt.text}px ${pt.font}`;
    const lineH = 18 * k;
    let x = left;
    let y = top + lineH / 2;
    for (const r of items) {
      const w = ctx.measureText(r.label).width + 30 * k;
      if (x > left && x + w > left + width) {
        x = left;
        y += lineH;
      }
      if (!measureOnly) legendItem(pt, r, x, y, this.isDead(r));
      x += w;
    }
    return y + lineH / 2 - top;
  }

  /** A diverged run whose end is on screen: its marker is a red ×. */
  private isDead(r: Run): boolean {
    return r.diverged >= 0 && (this.head < 0 || this.head >= r.diverged);
  }

  /** One polyline through points a..b, skipping points closer than half a pixel to the last drawn. */
  private polyline(pt: Paint, r: Run, a: number, b: number) {
    const ctx = pt.ctx;
    const { kx, ky, ox, oy } = pt.scales.affine(pt.plot);
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
        // the point is within half a pixel: keep it pending so the path still ends where the run does
        pending = true;
      }
    }
    if (pending) ctx.lineTo(px, py);
    ctx.stroke();
  }
}

/** One legend entry at (x, cy): the run's colour as a short line (a red × after it diverged), then its label. */
function legendItem(pt: Paint, r: Run, x: number, cy: number, dead: boolean) {
  const { ctx } = pt;
  const k = pt.text / 11;
  ctx.strokeStyle = r.color;
  ctx.lineWidth = 2.5 * k;
  ctx.beginPath();
  ctx.moveTo(x, cy);
  ctx.lineTo(x + 12 * k, cy);
  ctx.stroke();
  if (dead) {
    const c = x + 6 * k;
    const d = 3.5 * k;
    ctx.strokeStyle = '#e53935';
    ctx.lineWidth = 2 * k;
    ctx.beginPath();
    ctx.moveTo(c - d, cy - d);
    ctx.lineTo(c + d, cy + d);
    ctx.moveTo(c + d, cy - d);
    ctx.lineTo(c - d, cy + d);
    ctx.stroke();
  }
  ctx.fillStyle = pt.colors.text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(r.label, x + 17 * k, cy);
}

/** Distance of an edge marker's centre from the plot's border, in px. */
const EDGE = 10;

/** Line and marker thickness: a little heavier with projector-sized text, so paths read from the back row. */
function ink(pt: Paint): number {
  return pt.text > 11 ? 1.5 : 1;
}

/** A filled arrowhead next to an edge marker at (x, y), pointing along (dx, dy). */
function edgeArrow(ctx: CanvasRenderingContext2D, x: number, y: number, dx: number, dy: number, color: string) {
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const tipX = x + ux * 9;
  const tipY = y + uy * 9;
  const baseX = x + ux * 3;
  const baseY = y + uy * 3;
  ctx.beginPath();
  ctx.moveTo(tipX + ux * 6, tipY + uy * 6);
  ctx.lineTo(baseX - uy * 6, baseY + ux * 6);
  ctx.lineTo(baseX + uy * 6, baseY - ux * 6);
  ctx.closePath();
  ctx.fillStyle = color;
  ctx.fill();
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#fff';
  ctx.stroke();
}
