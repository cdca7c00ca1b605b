import type { Plot } from './types';

/** A label's box on the canvas, in CSS px (x, y = top-left). */
export interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A label to place beside the point (X, Y): its texts, longest first, with their widths. */
export interface LabelWish {
  X: number;
  Y: number;
  texts: { text: string; w: number }[];
  h: number;
}

/** Where a label went and which of its texts fitted. */
export interface PlacedLabel extends LabelBox {
  text: string;
}

/** Whether a and b come closer than `pad` px (two labels that touch read as one number). */
function overlaps(a: LabelBox, b: LabelBox, pad = 0): boolean {
  return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
}

function inside(a: LabelBox, p: Plot): boolean {
  return a.x >= p.left && a.y >= p.top && a.x + a.w <= p.left + p.w && a.y + a.h <= p.top + p.h;
}

/** Distance from the point (X, Y) to the box (0 inside it). */
function distance(X: number, Y: number, b: LabelBox): number {
  const dx = Math.max(b.x - X, 0, X - (b.x + b.w));
  const dy = Math.max(b.y - Y, 0, Y - (b.y + b.h));
  return Math.hypot(dx, dy);
}

/**
 * Where each minimum's value label goes. A spot is one of eight around its star (upper right
 * first), inside the plot, clear of every star, of the labels already placed and of the obstacles
 * (the legend), and nearer to its own star than to any other: two minima a few pixels apart (flat
 * vs sharp) must not each print their value beside the other one. When the full text ("f = −1.155")
 * fits nowhere the shorter ones are tried ("−1.155"); a label with no spot at all is left out
 * (null) rather than drawn over another. Its star still marks the minimum and the readouts carry
 * the value.
 *
 * @param gap distance from the star's centre to the label, in px (scaled with the text size)
 */
export function placeLabels(wishes: LabelWish[], plot: Plot, gap: number, obstacles: LabelBox[] = []): (PlacedLabel | null)[] {
  const stars: LabelBox[] = wishes.map((m) => ({ x: m.X - gap * 0.8, y: m.Y - gap * 0.8, w: gap * 1.6, h: gap * 1.6 }));
  // labels keep a gap between each other (touching ones read as one number); stars and obstacles
  // only must not be covered (a marker resting on its minimum's star must not push its label away)
  const placed: LabelBox[] = [];
  return wishes.map((m, own) => {
    const { X, Y, h } = m;
    for (const { text, w } of m.texts) {
      const spots: LabelBox[] = [
        { x: X + gap, y: Y - gap - h, w, h }, // upper right
        { x: X - gap - w, y: Y - gap - h, w, h }, // upper left
        { x: X + gap, y: Y + gap, w, h }, // lower right
        { x: X - gap - w, y: Y + gap, w, h }, // lower left
        { x: X - w / 2, y: Y - gap * 1.2 - h, w, h }, // above
        { x: X - w / 2, y: Y + gap * 1.2, w, h }, // below
        { x: X + gap * 1.2, y: Y - h / 2, w, h }, // right
        { x: X - gap * 1.2 - w, y: Y - h / 2, w, h }, // left
      ];
      const free = spots.find(
        (b) =>
          inside(b, plot) &&
          !placed.some((o) => overlaps(b, o, gap)) &&
          !obstacles.some((o) => overlaps(b, o)) &&
          !stars.some((o) => overlaps(b, o)) &&
          wishes.every((o, i) => i === own || distance(o.X, o.Y, b) > distance(X, Y, b)),
      );
      if (free) {
        placed.push(free);
        return { ...free, text };
      }
    }
    return null;
  });
}
