/** Shapes shared by the layers of <lr-landscape>; the field and run shapes mirror the JSON the server sends. */
import type { Scales } from './scales';

/** A view box in data coordinates. */
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The plot rectangle in CSS pixels of the element. */
export interface Plot {
  left: number;
  top: number;
  w: number;
  h: number;
}

export interface Minimum {
  x: number;
  y?: number;
  label?: string;
}

export interface Field2d extends Box {
  mode: '2d';
  nx: number;
  ny: number;
  values: number[];
  logScale?: boolean;
  epsilon?: number;
  levels?: number;
  minima?: Minimum[];
}

export interface Field1d {
  mode: '1d';
  x0: number;
  x1: number;
  xs: number[];
  ys: number[];
  minima?: Minimum[];
}

export type Field = Field2d | Field1d;

export interface Run {
  color: string;
  label: string;
  visible: boolean;
  xs: Float64Array;
  ys: Float64Array;
  n: number;
  diverged: number; // point index at which the run diverged, or -1
}

export interface Labels {
  x: string;
  y: string;
  x1d: string;
  y1d: string;
  value: string;
  zoomIn: string;
  zoomOut: string;
  fit: string;
  reset: string;
  download: string;
}

/** Theme colours read from Lumo's custom properties, so the canvas follows light and dark themes. */
export interface Colors {
  text: string;
  secondary: string;
  grid: string;
  base: string;
  frame: string;
}

/** What every layer draws with during one frame: the plot rectangle is computed once per frame. */
export interface Paint {
  ctx: CanvasRenderingContext2D;
  scales: Scales;
  plot: Plot;
  colors: Colors;
  font: string; // the element's font family
  /** Tick label size in CSS px; other text and line widths scale from it (a projector's is larger). */
  text: number;
}
