import katex from 'katex';
import 'katex/dist/katex.min.css';

/**
 * <lr-formula tex="...">: a lesson formula typeset by KaTeX; shows the source if it cannot parse.
 * A display formula wider than its box is scaled down to fit (down to 55 %); one that still does
 * not fit is set as inline math, which KaTeX breaks after relations and operators, so a card never
 * cuts a formula off at 390 px or in a narrow column.
 */
export class LrFormula extends HTMLElement {
  private observer?: ResizeObserver;
  /** The width the layout was last decided for (a re-render changes the height, not this). */
  private decidedFor = -1;

  static get observedAttributes() {
    return ['tex', 'display'];
  }

  connectedCallback() {
    this.style.display = 'block';
    this.style.maxWidth = '100%';
    this.style.overflowX = 'auto';
    this.style.overflowY = 'hidden';
    this.render();
    this.observer = new ResizeObserver(() => this.fit());
    this.observer.observe(this);
  }

  disconnectedCallback() {
    this.observer?.disconnect();
  }

  attributeChangedCallback() {
    this.render();
  }

  private render() {
    this.decidedFor = -1;
    this.typeset(this.getAttribute('display') !== 'inline');
    this.fit();
  }

  private typeset(display: boolean) {
    const tex = this.getAttribute('tex') ?? '';
    try {
      katex.render(tex, this, { throwOnError: true, displayMode: display });
    } catch (e) {
      this.textContent = tex;
    }
    this.style.textAlign = display ? '' : 'center';
  }

  /** Scales the typeset formula to the element's width (font-size, so it stays crisp). */
  private fit() {
    const available = this.clientWidth;
    if (available <= 0 || available === this.decidedFor) {
      return;
    }
    this.decidedFor = available;
    const display = this.getAttribute('display') !== 'inline';
    if (display && !this.querySelector('.katex-display')) {
      this.typeset(true); // wider again: try the display form first
    }
    const inner = this.querySelector('.katex-display > .katex, .katex') as HTMLElement | null;
    if (!inner) {
      return;
    }
    inner.style.fontSize = '';
    const needed = inner.scrollWidth;
    if (needed <= available) {
      return;
    }
    const scale = (available - 2) / needed;
    if (scale >= 0.55 || !display) {
      inner.style.fontSize = `${(1.21 * Math.max(0.55, scale)).toFixed(3)}em`;
      return;
    }
    // too long for one line even at 55 %: inline math wraps at its relations and operators
    this.typeset(false);
    const wrapped = this.querySelector('.katex') as HTMLElement | null;
    if (wrapped) wrapped.style.fontSize = '1.05em';
  }
}

customElements.define('lr-formula', LrFormula);
