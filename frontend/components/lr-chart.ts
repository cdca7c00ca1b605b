import ApexCharts from 'apexcharts';

type Point = [number, number];

/**
 * <lr-chart>: a thin host for one ApexCharts instance. The server sends options once and then only
 * new points (appendPoints), so the wire cost of N points is O(N); the browser keeps the data.
 * ApexCharts redraws the whole SVG on every append, so appends are merged and rendered by a shared
 * scheduler: at most one chart per animation frame, and each chart waits RENDER_SHARE times as long
 * as its last render took (at least MIN_INTERVAL ms). Several streaming charts then use a bounded
 * share of the main thread however much data they hold, and the landscape's marker animation keeps
 * its frame rate.
 */
export class LrChart extends HTMLElement {
  chart?: ApexCharts;
  private options: any = null;
  private pending: Point[][] | null = null;
  /** performance.now() of the last render; 0 renders the first batch at once. */
  lastRender = 0;
  /** How long the last render took, in ms. */
  lastDuration = 0;
  private host?: HTMLDivElement;
  private logY = false;
  private cursor?: HTMLDivElement;
  private cursorStep = -1;

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
    const series = (this.chart as any).w.config.series;
    this.options.series = series;
    this.chart.destroy();
    this.chart = undefined;
    this.create();
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
    this.lastRender = 0;
    this.lastDuration = 0;
    this.logY = !!this.options.lrLogY;
    delete this.options.lrLogY;
    if (this.logY) {
      this.options.yaxis = {
        ...(this.options.yaxis ?? {}),
        logarithmic: false,
        labels: { formatter: (v: number) => (Number.isFinite(v) ? formatPow10(v) : '') },
      };
      this.options.tooltip = {
        ...(this.options.tooltip ?? {}),
        y: { formatter: (v: number) => (Number.isFinite(v) ? Math.pow(10, v).toPrecision(4) : '') },
      };
    }
    // keep the playhead cursor placed when ApexCharts redraws (zoom, resize, new data)
    const chart = (this.options.chart ??= {});
    const events = (chart.events ??= {});
    const place = () => this.placeCursor();
    events.mounted = place;
    events.updated = place;
    this.pending = null;
    if (this.chart) {
      this.chart.destroy();
      this.chart = undefined;
    }
    if (this.isConnected) {
      this.create();
    }
  }

  /** Appends points to each series: json is [[[x,y],...], ...] indexed like the series. */
  appendPoints(json: string) {
    let add: Point[][] = JSON.parse(json);
    if (this.logY) {
      // log10 of non-positive values is not drawable; skip them rather than break the axis
      add = add.map((s) => s.filter((p) => p[1] > 0).map((p) => [p[0], Math.log10(p[1])] as Point));
    }
    if (!this.pending) {
      this.pending = add.map((s) => s.slice());
    } else {
      add.forEach((s, i) => {
        (this.pending![i] ??= []).push(...s);
      });
    }
    schedule(this);
  }

  /** Empties every series, keeping names and options. */
  clear() {
    this.pending = null;
    if (this.options) {
      this.options.series = (this.options.series ?? []).map((s: any) => ({ ...s, data: [] }));
    }
    this.chart?.updateSeries(this.options?.series ?? [], false);
  }

  /** Replaces the horizontal annotation lines: json is [{y, label, color}]. */
  setYAnnotations(json: string) {
    const lines = JSON.parse(json).map((a: any) => ({
      y: a.y,
      borderColor: a.color ?? '#e53935',
      strokeDashArray: 6,
      label: { text: a.label, borderColor: a.color ?? '#e53935', style: { color: '#fff', background: a.color ?? '#e53935' } },
    }));
    if (this.options) {
      this.options.annotations = { ...(this.options.annotations ?? {}), yaxis: lines };
    }
    this.chart?.updateOptions({ annotations: { yaxis: lines } }, false, false);
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
    this.chart = new ApexCharts(this.host!, this.themed(this.options));
    this.chart.render();
    if (this.pending) {
      this.flush();
    }
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
    const batch = this.pending;
    this.pending = null;
    this.chart.appendData(batch.map((data) => ({ data })));
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

function formatPow10(v: number): string {
  const rounded = Math.round(v * 100) / 100;
  if (Number.isInteger(rounded)) {
    return rounded === 0 ? '1' : `1e${rounded}`;
  }
  return Math.pow(10, v).toPrecision(2);
}

customElements.define('lr-chart', LrChart);
