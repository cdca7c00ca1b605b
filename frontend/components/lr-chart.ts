import ApexCharts from 'apexcharts';
import { clampSeries, comparisonRange, dataRange, exits, fmtPow10, fmtSig, onDecades, onRoundTicks, type Point, type Range } from './chart/axis';
import { download, LOCALES, localeName, toCsv } from './chart/export';
import { withFontSize } from './chart/text';
import { escapeHtml } from './chart/user-text';

/** The least plot height in px a chart keeps whatever its legend takes. */
const MIN_PLOT_PX = 150;
/** keepPlotHeight grows a chart up to this height in px. */
const MAX_GROWN_PX = 1000;

/**
 * <lr-chart>: a thin host for one ApexCharts instance. The server sends options once and then only
 * new points (appendPoints), so the wire cost of N points is O(N); the browser keeps the data.
 * ApexCharts redraws the whole SVG on every append, so appends are merged and rendered by a shared
 * scheduler: at most one chart per animation frame, and each chart waits RENDER_SHARE times as long
 * as its last render took (at least MIN_INTERVAL ms). Several streaming charts then use a bounded
 * share of the main thread however much data they hold, and the landscape's marker animation keeps
 * its frame rate.
 *
 * The element keeps the points itself (as plotted: log10 on a log axis) and hands ApexCharts a
 * copy clipped to the comparison range, so a diverged run is drawn along the edge with a marker
 * instead of setting the scale for everyone; tooltips and the CSV export read the real values.
 */
export class LrChart extends HTMLElement {
  chart?: ApexCharts;
  private options: any = null;
  /** Points arrived (or the range changed) since the last render. */
  private pending = false;
  /** performance.now() of the last render; 0 renders the first batch at once. */
  lastRender = 0;
  /** How long the last render took, in ms. */
  lastDuration = 0;
  private host?: HTMLDivElement;
  private logY = false;
  /** Every point received, per series, unclipped. */
  private data: Point[][] = [];
  private diverged = new Set<number>();
  private divergedLabel = '';
  /** Per diverged series the x where it diverged: its marker goes there, on the edge it left by. */
  private divergedAt = new Map<number, number>();
  private range: Range | null = null;
  /** Meta options of the server (not ApexCharts'): what is plotted, file names, language. */
  private meta = { quantity: '', file: 'lrlab-chart', locale: 'en' };
  private yAnnotations: any[] = [];
  private cursor?: HTMLDivElement;
  private cursorStep = -1;
  /** Text size in px for ticks, titles and legend; 0 keeps ApexCharts' own (a projector sets 20). */
  private fontPx = 0;

  private themeObserver?: MutationObserver;
  private visibility?: IntersectionObserver;
  /** Off-screen charts keep their points pending and render when scrolled into view. */
  visible = true;

  connectedCallback() {
    if (!this.visibility) {
      this.visibility = new IntersectionObserver((entries) => {
        this.visible = entries[entries.length - 1].isIntersecting;
        if (this.visible && this.pending) {
          schedule(this);
        }
      });
      this.visibility.observe(this);
    }
    if (!this.themeObserver) {
      this.themeObserver = new MutationObserver(() => this.retheme());
      this.themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
    }
    if (!this.host) {
      this.host = document.createElement('div');
      this.host.style.width = '100%';
      this.host.style.height = '100%';
      this.host.style.position = 'relative';
      this.interceptCsv(this.host);
      this.appendChild(this.host);
    }
    if (this.options && !this.chart) {
      this.create();
    }
  }

  private retheme() {
    if (!this.chart || !this.options) {
      return;
    }
    this.rebuild();
  }

  disconnectedCallback() {
    this.themeObserver?.disconnect();
    this.themeObserver = undefined;
    this.visibility?.disconnect();
    this.visibility = undefined;
    unschedule(this);
    this.chart?.destroy();
    this.chart = undefined;
  }

  /**
   * Replaces all options (and the series they hold). With lrLogY the chart plots log10(y) on a
   * linear axis labelled in powers of ten: ApexCharts' own log axis mislabels values spanning
   * many decades (losses going to 1e-14).
   */
  setOptions(json: string) {
    this.options = JSON.parse(json);
    // new series: start again from the height the page gave (a shorter legend needs less)
    if (this.grownFrom !== null) {
      this.style.setProperty('height', this.grownFrom);
      this.grownFrom = null;
    }
    this.lastRender = 0;
    this.lastDuration = 0;
    this.logY = !!this.options.lrLogY;
    this.meta = {
      quantity: this.options.lrQuantity ?? '',
      file: this.options.lrFile ?? 'lrlab-chart',
      locale: localeName(this.options.lrLocale),
    };
    const narrow = this.options.lrNarrowX;
    for (const k of ['lrLogY', 'lrQuantity', 'lrFile', 'lrLocale', 'lrNarrowX']) delete this.options[k];
    // a phone's window: fewer step ticks, so 20 px projector labels neither rotate nor crowd
    if (narrow && window.innerWidth < narrow.below) {
      this.options.xaxis = { ...(this.options.xaxis ?? {}), max: narrow.max, tickAmount: narrow.tickAmount };
    }
    this.data = (this.options.series ?? []).map((s: any) => (s.data ?? []) as Point[]);
    this.diverged = new Set();
    this.divergedAt = new Map();
    this.range = null;
    this.yAnnotations = [];
    const label = this.logY ? fmtPow10 : fmtSig;
    this.options.yaxis = {
      ...(this.options.yaxis ?? {}),
      logarithmic: false,
      labels: { formatter: (v: number) => (Number.isFinite(v) ? label(v) : '') },
    };
    // series names are run labels (user text) and ApexCharts puts legend and tooltip names into
    // innerHTML: they go in escaped, so they show as the characters typed and never as markup
    this.options.legend = { ...(this.options.legend ?? {}), formatter: (name: string) => escapeHtml(name) };
    // the tooltip shows the value reached, also where the line is clipped at the edge
    this.options.tooltip = {
      ...(this.options.tooltip ?? {}),
      y: {
        title: { formatter: (name: string) => (name ? `${escapeHtml(name)}: ` : '') },
        formatter: (v: number, o: any) => {
          const raw = this.data[o?.seriesIndex]?.[o?.dataPointIndex]?.[1];
          const y = Number.isFinite(raw) ? raw : v;
          return Number.isFinite(y) ? fmtSig(this.logY ? Math.pow(10, y) : y) : '';
        },
      },
    };
    const chart = (this.options.chart ??= {});
    chart.locales = LOCALES;
    chart.defaultLocale = this.meta.locale;
    const file = this.meta.file;
    // the toolbar's PNG at twice the chart's size at least (or the screen's device pixels): sharp on a slide
    const scale = Math.max(2, window.devicePixelRatio || 1);
    chart.toolbar = {
      ...(chart.toolbar ?? {}),
      export: { scale, svg: { filename: file }, png: { filename: file }, csv: { filename: file } },
    };
    // a touch screen has no drag-to-zoom: ApexCharts hides the magnifier there but keeps its slot
    if (window.matchMedia?.('(pointer: coarse)').matches && chart.toolbar.tools) {
      chart.toolbar.tools = { ...chart.toolbar.tools, zoom: false };
    }
    // keep the playhead cursor placed when ApexCharts redraws (zoom, resize, new data)
    const events = (chart.events ??= {});
    const place = () => {
      this.placeCursor();
      this.keepPlotHeight();
    };
    events.mounted = place;
    events.updated = place;
    this.pending = false;
    if (this.chart) {
      this.chart.destroy();
      this.chart = undefined;
    }
    if (this.isConnected) {
      this.create();
    }
  }

  /**
   * New titles and language after a language switch, keeping the data: json is
   * {title, xTitle, noData, quantity, locale}.
   */
  relabel(json: string) {
    if (!this.options) return;
    const l = JSON.parse(json);
    this.options.title = { ...(this.options.title ?? {}), text: l.title };
    this.options.xaxis = { ...(this.options.xaxis ?? {}), title: { ...(this.options.xaxis?.title ?? {}), text: l.xTitle } };
    this.options.noData = { ...(this.options.noData ?? {}), text: l.noData };
    this.meta.quantity = l.quantity ?? this.meta.quantity;
    this.meta.locale = localeName(l.locale);
    this.options.chart.defaultLocale = this.meta.locale;
    this.rebuild();
  }

  /**
   * Marks diverged series: json is {series: [index...], label}. They stop setting the y range;
   * where they leave it, a marker with the label sits on the edge.
   */
  setDiverged(json: string) {
    const d = JSON.parse(json);
    this.diverged = new Set<number>(d.series ?? []);
    this.divergedAt = new Map(Object.entries(d.at ?? {}).map(([k, v]) => [Number(k), Number(v)]));
    this.divergedLabel = d.label ?? '';
    this.pending = true;
    schedule(this);
  }

  /**
   * Text size in px of tick labels, axis and chart titles, legend and labels (0: the normal sizes).
   * The chart is drawn again with its data; later setOptions keep the size.
   */
  setFontSize(px: number) {
    const f = Math.max(0, Math.min(48, Math.round(px || 0)));
    if (f === this.fontPx) return;
    this.fontPx = f;
    this.rebuild();
  }

  /** The text size in force (0: ApexCharts' own). */
  get fontSize(): number {
    return this.fontPx;
  }

  /** Downloads the points as CSV with real headers (the toolbar's CSV item lands here). */
  downloadCsv() {
    const names = (this.options?.series ?? []).map((s: any) => String(s.name ?? ''));
    const xTitle = this.options?.xaxis?.title?.text ?? 'x';
    download(toCsv(xTitle, this.meta.quantity, names, this.data, this.logY), `${this.meta.file}.csv`);
  }

  /** What the chart holds, as the CSV export writes it (for tests). */
  csv(): string {
    const names = (this.options?.series ?? []).map((s: any) => String(s.name ?? ''));
    return toCsv(this.options?.xaxis?.title?.text ?? 'x', this.meta.quantity, names, this.data, this.logY);
  }

  /** The y range in force, in plotted units (log10 on a log axis); null: ApexCharts' own. */
  yRange(): Range | null {
    return this.range ? { ...this.range } : null;
  }

  private rebuild() {
    if (!this.chart) return;
    this.chart.destroy();
    this.chart = undefined;
    this.create();
  }

  /** Appends points to each series: json is [[[x,y],...], ...] indexed like the series. */
  appendPoints(json: string) {
    let add: Point[][] = JSON.parse(json);
    if (this.logY) {
      // log10 of non-positive values is not drawable; skip them rather than break the axis
      add = add.map((s) => s.filter((p) => p[1] > 0).map((p) => [p[0], Math.log10(p[1])] as Point));
    }
    add.forEach((s, i) => {
      (this.data[i] ??= []).push(...s);
    });
    this.pending = true;
    schedule(this);
  }

  /** Empties every series, keeping names and options. */
  clear() {
    this.pending = false;
    this.data = this.data.map(() => []);
    this.diverged = new Set();
    this.divergedAt = new Map();
    this.range = null;
    if (this.options) {
      this.options.series = (this.options.series ?? []).map((s: any) => ({ ...s, data: [] }));
    }
    this.chart?.updateOptions(this.drawn(), false, false);
  }

  /** Replaces the horizontal annotation lines: json is [{y, label, color}]. */
  setYAnnotations(json: string) {
    const lines = JSON.parse(json).map((a: any) => ({
      y: a.y,
      borderColor: a.color ?? '#e53935',
      strokeDashArray: 6,
      label: { text: a.label, borderColor: a.color ?? '#e53935', style: { color: '#fff', background: a.color ?? '#e53935' } },
    }));
    this.yAnnotations = lines;
    if (this.options) {
      this.options.annotations = { ...(this.options.annotations ?? {}), yaxis: lines };
    }
    this.chart?.updateOptions({ annotations: { yaxis: this.labelled(lines) } }, false, false);
  }

  /** Number of points ApexCharts holds in series i (read from the chart itself, for tests). */
  pointCount(i = 0): number {
    const s = (this.chart as any)?.w?.config?.series?.[i];
    return s ? s.data.length : 0;
  }

  /**
   * Draws a thin vertical cursor at x = step over the plot area (called by <lr-player> each frame
   * the playhead moves). Positioned from ApexCharts' own grid geometry; no updateOptions per frame.
   * A negative step hides it.
   */
  setPlayhead(step: number) {
    this.cursorStep = step;
    this.placeCursor();
  }

  /** The element's own height before keepPlotHeight grew it (null: not grown). */
  private grownFrom: string | null = null;

  /**
   * A long legend (a dozen runs, partial sums doubling them, 20 px projector type) takes its rows
   * from the plot: on a phone the plot shrank to a line with its ticks piled up. The element grows
   * until the plot keeps MIN_PLOT_PX; ApexCharts redraws on the size change.
   */
  private keepPlotHeight() {
    const g = (this.chart as any)?.w?.globals;
    if (!g || !(g.gridHeight >= 0)) return;
    const need = MIN_PLOT_PX - g.gridHeight;
    const h = this.getBoundingClientRect().height;
    if (need <= 4 || h <= 0 || h + need > MAX_GROWN_PX) return;
    if (this.grownFrom === null) this.grownFrom = this.style.height;
    this.style.setProperty('height', `${Math.ceil(h + need)}px`, 'important');
  }

  private placeCursor() {
    if (!this.host) {
      return;
    }
    if (!this.cursor) {
      const c = document.createElement('div');
      c.className = 'lr-chart-cursor';
      c.style.cssText =
        'position:absolute;top:0;left:0;width:0;border-left:1.5px solid var(--lumo-primary-color, #1676f3);' +
        'pointer-events:none;z-index:2;display:none;opacity:0.8';
      this.cursor = c;
    }
    if (this.cursor.parentElement !== this.host) {
      this.host.appendChild(this.cursor);
    }
    const g = (this.chart as any)?.w?.globals;
    const step = this.cursorStep;
    if (!g || step < 0 || !(g.maxX > g.minX) || step < g.minX || step > g.maxX) {
      this.cursor.style.display = 'none';
      return;
    }
    const svg = this.host.querySelector('.apexcharts-svg') as SVGElement | null;
    const hostRect = this.host.getBoundingClientRect();
    const svgRect = svg ? svg.getBoundingClientRect() : hostRect;
    const left = svgRect.left - hostRect.left + g.translateX + ((step - g.minX) / (g.maxX - g.minX)) * g.gridWidth;
    const top = svgRect.top - hostRect.top + g.translateY;
    this.cursor.style.display = 'block';
    this.cursor.style.transform = `translate(${left}px, ${top}px)`;
    this.cursor.style.height = `${g.gridHeight}px`;
  }

  private create() {
    this.chart = new ApexCharts(this.host!, this.sized(this.themed({ ...this.options, ...this.drawn() })));
    this.chart.render();
    this.pending = false;
  }

  /** Series, y range and edge markers as drawn: clipped to the comparison range. */
  private drawn() {
    this.range = comparisonRange(this.data, this.diverged, this.logY);
    // a log axis spanning decades gets whole-decade ticks (the range, or the data when none is set)
    const decades = onDecades(this.range ?? dataRange(this.data), this.logY);
    if (decades && this.range) {
      this.range = { min: decades.min, max: decades.max };
    }
    const clipped = clampSeries(this.data, this.range);
    const series = (this.options.series ?? []).map((s: any, i: number) => ({ ...s, data: (clipped[i] ?? []).slice() }));
    const colors: string[] = this.options.colors ?? [];
    const points = exits(this.data, this.range)
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => p && this.diverged.has(i))
      .map(({ p, i }) => ({
        // where it diverged, if later than where it left the axis (the line runs along the edge up to it)
        x: Math.max(p![0], this.divergedAt.get(i) ?? p![0]),
        y: p![1],
        marker: { size: 6, fillColor: '#e53935', strokeColor: colors[i % colors.length] ?? '#fff', strokeWidth: 2, shape: 'circle' },
        label: { text: this.divergedLabel, borderColor: '#e53935', offsetY: p![1] >= (this.range?.max ?? 0) ? 0 : 30,
          style: { color: '#fff', background: '#e53935' } },
      }));
    return {
      series,
      // updateOptions re-extends the y axis from ApexCharts' defaults: the text size goes with it
      // without a comparison range the options' own bounds stand (the lr axis starts at 0)
      yaxis: this.yAxis(decades),
      annotations: { ...(this.options.annotations ?? {}), yaxis: this.labelled(this.yAnnotations), points: this.labelled(points) },
    };
  }

  /**
   * The y axis as drawn: the comparison range (an lr axis keeps its 0 under it), whole decades
   * on a log axis that spans them, else the options' own.
   */
  private yAxis(decades: (Range & { ticks: number }) | null) {
    const own = this.sized({ yaxis: this.options.yaxis }).yaxis;
    const floor = this.options.yaxis?.min;
    if (decades) {
      return { ...own, min: decades.min, max: decades.max, tickAmount: decades.ticks, forceNiceScale: false };
    }
    if (this.range) {
      const min = Number.isFinite(floor) ? Math.min(floor, this.range.min) : this.range.min;
      if (this.logY) return { ...own, min, max: this.range.max };
      const r = onRoundTicks({ min, max: this.range.max });
      return { ...own, min: r.min, max: r.max, tickAmount: r.ticks, forceNiceScale: false };
    }
    return own;
  }

  /** The toolbar's CSV item writes real headers and values: ApexCharts' own holds "category" and log10. */
  private interceptCsv(host: HTMLElement) {
    host.addEventListener('click', (e) => {
      const item = (e.target as Element | null)?.closest?.('.exportCSV');
      if (!item) return;
      e.stopPropagation();
      host.querySelector('.apexcharts-menu')?.classList.remove('apexcharts-menu-open');
      this.downloadCsv();
    }, true);
  }

  /** Annotations whose labels have the text size of setFontSize (the 2/λmax line, "diverged" markers). */
  private labelled(items: any[]): any[] {
    if (!this.fontPx) return items;
    const fontSize = `${this.fontPx}px`;
    return items.map((a) => ({ ...a, label: { ...(a.label ?? {}), style: { ...(a.label?.style ?? {}), fontSize } } }));
  }

  /** Options with the text size of setFontSize. */
  private sized(options: any) {
    return withFontSize(options, this.fontPx);
  }

  /** Options with ApexCharts' theme following Lumo's light/dark theme on <html>. */
  private themed(options: any) {
    const dark = (document.documentElement.getAttribute('theme') ?? '').includes('dark');
    return {
      ...options,
      theme: { ...(options.theme ?? {}), mode: dark ? 'dark' : 'light' },
      chart: { ...(options.chart ?? {}), background: 'transparent' },
    };
  }

  /** Renders the merged pending points (called by the scheduler). */
  flush() {
    if (!this.chart || !this.pending) {
      return;
    }
    this.pending = false;
    this.chart.updateOptions(this.drawn(), false, false);
    this.placeCursor();
  }
}

const MIN_INTERVAL = 200;
const RENDER_SHARE = 40;
const queue: LrChart[] = [];
let queueFrame = 0;

function schedule(chart: LrChart) {
  if (!chart.visible) {
    return;
  }
  if (!queue.includes(chart)) {
    queue.push(chart);
  }
  if (!queueFrame) {
    queueFrame = requestAnimationFrame(renderOne);
  }
}

function unschedule(chart: LrChart) {
  const i = queue.indexOf(chart);
  if (i >= 0) {
    queue.splice(i, 1);
  }
}

function renderOne(now: number) {
  queueFrame = 0;
  for (let k = queue.length - 1; k >= 0; k--) {
    if (!queue[k].visible) {
      queue.splice(k, 1);
    }
  }
  const i = queue.findIndex((c) => now - c.lastRender >= Math.max(MIN_INTERVAL, RENDER_SHARE * c.lastDuration));
  if (i >= 0) {
    const chart = queue.splice(i, 1)[0];
    chart.lastRender = now;
    chart.flush();
    chart.lastDuration = performance.now() - now;
  }
  if (queue.length) {
    queueFrame = requestAnimationFrame(renderOne);
  }
}

customElements.define('lr-chart', LrChart);
