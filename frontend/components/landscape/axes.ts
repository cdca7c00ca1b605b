import { BASE_TEXT, fmtTick, niceTicks } from './scales';
import type { Paint } from './types';

/** Tick positions along both axes for the current view: ~90 px apart on x, ~60 px on y (more for larger labels). */
function ticks(pt: Paint) {
  const v = pt.scales.view;
  const k = pt.text / BASE_TEXT;
  return {
    x: niceTicks(v.x0, v.x1, Math.max(2, pt.plot.w / (90 * k))),
    y: niceTicks(v.y0, v.y1, Math.max(2, pt.plot.h / (60 * k))),
  };
}

/** Faint grid lines at the ticks (behind a 1-D curve; the 2-D contours need none). */
export function drawGrid(pt: Paint) {
  const { ctx, scales: s, plot: p } = pt;
  const t = ticks(pt);
  ctx.strokeStyle = pt.colors.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const x of t.x) {
    const X = Math.round(s.sx(x, p)) + 0.5;
    ctx.moveTo(X, p.top);
    ctx.lineTo(X, p.top + p.h);
  }
  for (const y of t.y) {
    const Y = Math.round(s.sy(y, p)) + 0.5;
    ctx.moveTo(p.left, Y);
    ctx.lineTo(p.left + p.w, Y);
  }
  ctx.stroke();
}

/** The plot frame, tick marks with labels, and the two axis titles, drawn outside the clip. */
export function drawAxes(pt: Paint, xTitle: string, yTitle: string) {
  const { ctx, scales: s, plot: p } = pt;
  const v = s.view;
  const t = ticks(pt);
  ctx.strokeStyle = pt.colors.frame;
  ctx.lineWidth = 1;
  ctx.strokeRect(p.left + 0.5, p.top + 0.5, p.w - 1, p.h - 1);
  ctx.fillStyle = pt.colors.secondary;
  ctx.font = `${pt.text}px ${pt.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.beginPath();
  for (const x of t.x) {
    const X = Math.round(s.sx(x, p)) + 0.5;
    ctx.moveTo(X, p.top + p.h);
    ctx.lineTo(X, p.top + p.h + 4);
    ctx.fillText(fmtTick(x, v.x1 - v.x0), X, p.top + p.h + 6);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const y of t.y) {
    const Y = Math.round(s.sy(y, p)) + 0.5;
    ctx.moveTo(p.left - 4, Y);
    ctx.lineTo(p.left, Y);
    ctx.fillText(fmtTick(y, v.y1 - v.y0), p.left - 6, Y);
  }
  ctx.stroke();
  ctx.fillStyle = pt.colors.text;
  ctx.font = `${pt.text + 1}px ${pt.font}`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  // titles sit against the plot, not the panel edge, so they stay next to a letterboxed plot
  const m = s.margin;
  const bottom = Math.min(s.height, p.top + p.h + m.bottom);
  ctx.fillText(xTitle, p.left + p.w, bottom - 2);
  ctx.save();
  const inset = pt.text + 1;
  ctx.translate(Math.max(inset, p.left - m.left + inset), p.top);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillText(yTitle, 0, 0);
  ctx.restore();
}
