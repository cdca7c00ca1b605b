const STYLE = `
:host { display: flex; align-items: center; gap: var(--lumo-space-s, 8px); font-family: var(--lumo-font-family, sans-serif);
  color: var(--lumo-body-text-color, #222); }
input { flex: 1; min-width: 80px; margin: 0; accent-color: var(--lumo-primary-color, #1676f3); cursor: pointer; }
input:focus-visible { outline: 2px solid var(--lumo-primary-color, #1676f3); outline-offset: 2px; }
.label { font-size: var(--lumo-font-size-s, 14px); color: var(--lumo-secondary-text-color, #555);
  font-variant-numeric: tabular-nums; white-space: nowrap; min-width: 7.5em; text-align: right; }
`;

/** Anything with a setPlayhead(step) method: <lr-landscape>, <lr-chart>. */
interface Target extends Element {
  setPlayhead?: (step: number) => void;
}

/**
 * <lr-player>: the clock and the scrubber. It owns the playhead (a step index shared by all its
 * targets), advances it smoothly at the run's pace up to the latest step received, and calls
 * setPlayhead(step) on each target element once per animation frame in which the step changed.
 * The server hears lr-playhead {step} at most 10 times a second, plus once when motion stops.
 */
export class LrPlayer extends HTMLElement {
  private slider: HTMLInputElement;
  private labelEl: HTMLSpanElement;
  private total = 0;
  private available = -1;
  private pace = 0; // steps per second; 0 = unpaced (jump to the head)
  private following = true;
  private head = 0; // fractional playhead
  private shown = -1; // integer step last pushed to targets
  private targets: string[] = [];
  private format = '{0} / {1}';
  private frame = 0;
  private lastTime = 0;
  private lastSentStep = -1;
  private lastSentTime = 0;
  private sendTimer = 0;
  private scrubbing = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${STYLE}</style><input type="range" min="0" max="0" step="1" value="0" part="slider">
      <span class="label" part="label" aria-live="off"></span>`;
    this.slider = root.querySelector('input')!;
    this.labelEl = root.querySelector('.label')!;
    this.slider.addEventListener('input', () => this.userSeek(Number(this.slider.value)));
    this.slider.addEventListener('change', () => {
      this.scrubbing = false;
      this.flushEvent();
    });
    this.slider.addEventListener('pointerdown', () => (this.scrubbing = true));
    this.slider.addEventListener('keydown', (e) => this.onKey(e));
    this.render();
  }

  connectedCallback() {
    this.kick();
  }

  disconnectedCallback() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    clearTimeout(this.sendTimer);
  }

  // ---------------------------------------------------------------- server API

  setTargets(json: string) {
    this.targets = JSON.parse(json);
    this.shown = -1;
    this.kick();
  }

  setTotal(steps: number) {
    this.total = Math.max(0, Math.floor(steps));
    this.kick();
  }

  /** The latest step received (called with each batch). */
  setAvailable(step: number) {
    this.available = Math.floor(step);
    this.kick();
  }

  setStepsPerSecond(sps: number) {
    this.pace = Number.isFinite(sps) && sps > 0 ? sps : 0;
    this.kick();
  }

  follow() {
    this.following = true;
    this.kick();
  }

  setPlayhead(step: number) {
    this.following = false;
    this.head = this.clamp(step);
    this.kick();
  }

  /** Back to step 0, nothing available, following. */
  reset() {
    this.available = -1;
    this.head = 0;
    this.following = true;
    this.lastSentStep = -1;
    this.shown = -1;
    this.kick();
  }

  setAriaLabel(text: string) {
    this.slider.setAttribute('aria-label', text);
  }

  /** The visible step label: {0} is the step, {1} the total, e.g. "step {0} / {1}". */
  setLabelFormat(format: string) {
    this.format = format;
    this.render();
  }

  // ---------------------------------------------------------------- for tests

  get playhead(): number {
    return Math.floor(this.head);
  }

  get isFollowing(): boolean {
    return this.following;
  }

  // ---------------------------------------------------------------- internals

  private clamp(step: number): number {
    const max = Math.max(0, Math.min(this.available, this.total > 0 ? this.total : this.available));
    return Math.max(0, Math.min(max, step));
  }

  private userSeek(step: number) {
    this.head = this.clamp(step);
    // dragging to the head resumes following
    this.following = this.available >= 0 && this.head >= this.available;
    this.kick();
  }

  /** Moves the playhead by `delta` steps, as a user seek (keyboard shortcuts outside the slider). */
  nudge(delta: number) {
    this.userSeek(Math.floor(Math.max(0, this.head)) + delta);
    this.flushEvent();
  }

  private onKey(e: KeyboardEvent) {
    if (!e.shiftKey) return; // plain arrows, Home, End, PageUp/Down: the native slider handles them
    let d = 0;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') d = 10;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') d = -10;
    if (!d) return;
    e.preventDefault();
    this.userSeek(Math.floor(this.head) + d);
    this.flushEvent();
  }

  private kick() {
    if (!this.frame && this.isConnected) {
      this.lastTime = performance.now();
      this.frame = requestAnimationFrame((t) => this.tick(t));
    }
  }

  private tick(now: number) {
    this.frame = 0;
    const dt = Math.min(0.25, Math.max(0, (now - this.lastTime) / 1000));
    this.lastTime = now;
    let moving = false;
    if (this.following && this.available >= 0) {
      const target = this.clamp(this.available);
      if (this.pace <= 0) {
        this.head = target;
      } else if (this.head < target) {
        this.head = Math.min(target, this.head + this.pace * dt);
        moving = this.head < target;
      } else if (this.head > target) {
        this.head = target;
      }
    }
    this.head = this.clamp(this.head);
    const step = Math.floor(this.head);
    if (step !== this.shown) {
      this.shown = step;
      this.push(step);
      this.render();
      this.throttledEvent(step);
      moving = true;
    }
    if (moving) {
      this.frame = requestAnimationFrame((t) => this.tick(t));
    } else {
      this.render();
      if (!this.scrubbing) this.flushEvent(); // motion stopped: the final event
    }
  }

  private push(step: number) {
    const root = this.getRootNode() as Document | ShadowRoot;
    for (const id of this.targets) {
      const el = ((root as any).getElementById?.(id) ?? document.getElementById(id)) as Target | null;
      try {
        el?.setPlayhead?.(step);
      } catch (err) {
        console.error('lr-player: setPlayhead failed on #' + id, err);
      }
    }
  }

  private render() {
    const max = Math.max(0, this.total > 0 ? this.total : this.available);
    this.slider.max = String(max);
    const step = Math.max(0, Math.floor(this.head));
    if (this.slider.value !== String(step)) this.slider.value = String(step);
    this.slider.setAttribute('aria-valuetext', this.text(step, max));
    this.labelEl.textContent = this.text(step, max);
  }

  private text(step: number, total: number) {
    return this.format.replace('{0}', String(step)).replace('{1}', String(total));
  }

  private throttledEvent(step: number) {
    const now = performance.now();
    if (now - this.lastSentTime >= 100) {
      this.send(step);
    } else if (!this.sendTimer) {
      this.sendTimer = window.setTimeout(() => {
        this.sendTimer = 0;
        this.send(Math.floor(this.head));
      }, 100 - (now - this.lastSentTime));
    }
  }

  private flushEvent() {
    clearTimeout(this.sendTimer);
    this.sendTimer = 0;
    this.send(Math.floor(this.head));
  }

  private send(step: number) {
    if (step === this.lastSentStep || this.available < 0) return;
    this.lastSentStep = step;
    this.lastSentTime = performance.now();
    this.dispatchEvent(new CustomEvent('lr-playhead', { detail: { step }, bubbles: true, composed: true }));
  }
}

customElements.define('lr-player', LrPlayer);
