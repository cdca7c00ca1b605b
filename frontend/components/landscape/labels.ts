import type { Plot } from './types';

/** A label's box on the canvas, in CSS px (x, y = top-left). */
export interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A label to place beside the point (X, Y), with its measured size. */
export interface LabelWish {
  X: number;
  Y: number;
  w: number;
  h: number;
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function inside(a: LabelBox, p: Plot): boolean {
  return a.x >= p.left && a.y >= p.top && a.x + a.w <= p.left + p.w && a.y + a.h <= p.top + p.h;
}

/**
 * Where each minimum's value label goes: the first of eight spots around its star (upper right
 * first, as before) that stays inside the plot and clear of the stars and of the labels already
 * placed. Two minima a few pixels apart (flat vs sharp, a zoomed-out double well) otherwise print
 * their values on top of each other, or off the canvas edge. A label with no free spot is left
 * out (null) rather than drawn over another: its star still marks the minimum, and the readouts
 * carry the value.
 *
 * @param gap distance from the star's centre to the label, in px (scaled with the text size)
 */
export function placeLabels(wishes: LabelWish[], plot: Plot, gap: number): (LabelBox | null)[] {
  const stars: LabelBox[] = wishes.map((m) => ({ x: m.X - gap * 0.8, y: m.Y - gap * 0.8, w: gap * 1.6, h: gap * 1.6 }));
  const placed: LabelBox[] = [];
  return wishes.map((m) => {
    const { X, Y, w, h } = m;
    const spots: LabelBox[] = [
      { x: X + gap, y: Y - gap - h, w, h }, // upper right
      { x: X - gap - w, y: Y - gap - h, w, h }, // upper left
      { x: X + gap, y: Y + gap, w, h }, // lower right
      { x: X - gap - w, y: Y + gap, w, h }, // lower left
      { x: X + gap * 1.2, y: Y - h / 2, w, h }, // right
      { x: X - gap * 1.2 - w, y: Y - h / 2, w, h }, // left
      { x: X - w / 2, y: Y - gap * 1.2 - h, w, h }, // above
      { x: X - w / 2, y: Y + gap * 1.2, w, h }, // below
    ];
    const free = spots.find(
      (b) => inside(b, plot) && !placed.some((o) => overlaps(b, o)) && !stars.some((o) => overlaps(b, o)),
    );
    if (free) {
      placed.push(free);
    }
    return free ?? null;
  });
}
