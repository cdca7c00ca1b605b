import type { FieldLayer } from './field';
import { fmtValue, sameBox, type Scales } from './scales';
import type { Box, Labels } from './types';

/** What the interaction layer needs from the element it serves. */
export interface InteractionHost extends EventTarget {
  readonly scales: Scales;
  readonly fieldLayer: FieldLayer;
  readonly labels: Labels;
  /** Draws again on the next animation frame. */
  schedule(): void;
  exportPng(): void;
  /** The box that shows every drawn trajectory and the minima, or null when there is none. */
  fitBox(): Box | null;
}

type Tool = 'zoomIn' | 'zoomOut' | 'fit' | 'reset' | 'download';

const ICONS: Record<Tool, string> = {
  zoomIn: '<svg viewBox="0 0 16 16"><path d="M3 8h10M8 3v10"/></svg>',
  zoomOut: '<svg viewBox="0 0 16 16"><path d="M3 8h10"/></svg>',
  fit: '<svg viewBox="0 0 16 16"><path d="M2 5V2h3M11 2h3v3M14 11v3h-3M5 14H2v-3"/><circle cx="8" cy="8" r="2"/></svg>',
  reset: '<svg viewBox="0 0 16 16"><path d="M2 6V2h4M14 10v4h-4M2 2l4 4M14 14l-4-4"/></svg>',
  download: '<svg viewBox="0 0 16 16"><path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10"/></svg>',
};

/** A press that moves less than this many pixels is a click (lr-pick), not a pan. */
const CLICK_SLOP = 4;
/** Quiet time after the last gesture before the server is asked for a grid of the new view. */
const SETTLE_MS = 250;

/**
 * Pointer and button input: drag to pan, wheel or two-finger pinch to zoom, a click without drag
 * fires lr-pick (the new start point), the overlay buttons, and the hover readout of θ and f.
 * Once a gesture settles it fires lr-view-change so the server sends a sharper grid for the view.
 */
export class Interaction {
  private buttons: Partial<Record<Tool, HTMLButtonElement>> = {};
  private drag: { id: number; sx: number; sy: number; view: Box; moved: boolean } | null = null;
  private touches = new Map<number, [number, number]>();
  private pinch: { dist: number; view: Box; cx: number; cy: number } | null = null;
  private viewTimer = 0;
  /** The box of the last lr-view-change, to recognise the grid that answers it. */
  private lastSent: Box | null = null;

  constructor(
    private readonly host: InteractionHost,
    private readonly canvas: HTMLCanvasElement,
    private readonly readout: HTMLElement,
    tools: HTMLElement,
  ) {
    for (const key of Object.keys(ICONS) as Tool[]) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = key;
      b.innerHTML = ICONS[key];
      b.addEventListener('click', (e) => {
        e.stopPropagation();
        this.onTool(key);
      });
      // a press on a button must not start a pan of the canvas underneath
      b.addEventListener('pointerdown', (e) => e.stopPropagation());
      tools.appendChild(b);
      this.buttons[key] = b;
    }
    canvas.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    canvas.addEventListener('pointermove', (e) => this.onPointerMove(e));
    canvas.addEventListener('pointerup', (e) => this.onPointerUp(e));
    canvas.addEventListener('pointercancel', (e) => {
      this.drag = null;
      this.touches.delete(e.pointerId);
      this.pinch = null;
    });
    canvas.addEventListener('pointerleave', () => (this.readout.hidden = true));
    canvas.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
  }

  /** Button tooltips and accessible names in the current language. */
  applyLabels(labels: Labels) {
    for (const [key, b] of Object.entries(this.buttons)) {
      const text = labels[key as Tool];
      b!.title = text;
      b!.setAttribute('aria-label', text);
    }
  }

  /** True when `box` is the one this layer last asked the server for (its answer keeps the user's view). */
  answersRequest(box: Box): boolean {
    return this.lastSent !== null && sameBox(box, this.lastSent);
  }

  /** A new landscape: no request is outstanding any more. */
  forgetRequest() {
    this.lastSent = null;
  }

  dispose() {
    clearTimeout(this.viewTimer);
  }

  private local(e: PointerEvent | WheelEvent): [number, number] {
    const rect = this.canvas.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top];
  }

  private onPointerDown(e: PointerEvent) {
    if (e.button !== 0) return;
    this.canvas.setPointerCapture(e.pointerId);
    const [x, y] = this.local(e);
    this.touches.set(e.pointerId, [x, y]);
    const view = { ...this.host.scales.view };
    if (this.touches.size === 2) {
      // two fingers: pinch zoom about their midpoint (no pan, no pick)
      const [a, b] = [...this.touches.values()];
      this.drag = null;
      this.pinch = { dist: Math.max(10, Math.hypot(a[0] - b[0], a[1] - b[1])), view, cx: (a[0] + b[0]) / 2, cy: (a[1] + b[1]) / 2 };
      return;
    }
    this.drag = { id: e.pointerId, sx: x, sy: y, view, moved: false };
  }

  private onPointerMove(e: PointerEvent) {
    const [x, y] = this.local(e);
    if (this.touches.has(e.pointerId)) this.touches.set(e.pointerId, [x, y]);
    if (this.pinch && this.touches.size >= 2) {
      const pz = this.pinch;
      const [a, b] = [...this.touches.values()];
      const factor = pz.dist / Math.max(10, Math.hypot(a[0] - b[0], a[1] - b[1]));
      this.host.scales.zoomFrom(pz.view, pz.cx, pz.cy, factor);
      this.viewChanged(false);
      return;
    }
    const d = this.drag;
    if (d && d.id === e.pointerId) {
      if (!d.moved && Math.hypot(x - d.sx, y - d.sy) > CLICK_SLOP) {
        d.moved = true;
      }
      if (d.moved) {
        this.host.scales.panFrom(d.view, x - d.sx, y - d.sy);
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
    const s = this.host.scales;
    if (!s.inPlot(x, y)) return;
    const [dx, dy] = s.dataAt(x, y);
    // on a curve the picked start lies on the curve: its y is f(x), wherever the click was
    const field = this.host.fieldLayer;
    const detail = field.is1d ? { x: dx, y: finiteOr(field.valueAt(dx, 0), 0) } : { x: dx, y: dy };
    this.host.dispatchEvent(new CustomEvent('lr-pick', { detail, bubbles: true, composed: true }));
  }

  private onWheel(e: WheelEvent) {
    e.preventDefault();
    const [x, y] = this.local(e);
    // line-mode wheels (Firefox) report lines, not pixels
    const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    this.zoomAt(x, y, Math.exp(dy * 0.0015));
    this.showReadout(x, y);
  }

  private zoomAt(px: number, py: number, factor: number) {
    if (this.host.scales.zoomAt(px, py, factor)) {
      this.viewChanged(true);
    }
  }

  private onTool(key: Tool) {
    const p = this.host.scales.plot();
    const cx = p.left + p.w / 2;
    const cy = p.top + p.h / 2;
    if (key === 'zoomIn') this.zoomAt(cx, cy, 1 / 1.5);
    else if (key === 'zoomOut') this.zoomAt(cx, cy, 1.5);
    else if (key === 'fit') {
      const box = this.host.fitBox();
      if (box) {
        this.host.scales.view = box;
        this.viewChanged(true);
      }
    } else if (key === 'reset') {
      this.host.scales.resetView();
      this.viewChanged(true);
    } else if (key === 'download') this.host.exportPng();
  }

  /** Redraws now; when `settled`, tells the server about the new box once gestures pause. */
  private viewChanged(settled: boolean) {
    const s = this.host.scales;
    const field = this.host.fieldLayer;
    field.refreshIfZoomedFar(s);
    this.host.schedule();
    clearTimeout(this.viewTimer);
    if (!settled) return;
    this.viewTimer = window.setTimeout(() => {
      if (this.lastSent && sameBox(this.lastSent, s.view)) return;
      // back home on the landscape's own grid: the server already sent exactly this
      if (!this.lastSent && sameBox(s.home, s.view) && field.field && sameBox(field.box, s.view)) return;
      this.lastSent = { ...s.view };
      this.host.dispatchEvent(new CustomEvent('lr-view-change', { detail: { ...s.view }, bubbles: true, composed: true }));
    }, SETTLE_MS);
  }

  private showReadout(x: number, y: number) {
    const s = this.host.scales;
    const field = this.host.fieldLayer;
    const p = s.plot();
    if (!field.field || !s.inPlot(x, y, p)) {
      this.readout.hidden = true;
      return;
    }
    const [dx, dy] = s.dataAt(x, y, p);
    const l = this.host.labels;
    this.readout.textContent = field.is1d
      ? `${l.x1d} = ${fmtValue(dx)}   ${l.y1d} = ${fmtValue(field.valueAt(dx, 0))}`
      : `${l.x} = ${fmtValue(dx)}   ${l.y} = ${fmtValue(dy)}   ${l.value} = ${fmtValue(field.valueAt(dx, dy))}`;
    // the readout sits in the plot's top-left corner, which moves when the plot is letterboxed
    this.readout.style.left = `${p.left + 6}px`;
    this.readout.style.top = `${p.top + 4}px`;
    this.readout.hidden = false;
  }
}

function finiteOr(v: number, d: number) {
  return Number.isFinite(v) ? v : d;
}
