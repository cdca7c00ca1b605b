import katex from 'katex';
import 'katex/dist/katex.min.css';

/**
 * <lr-formula tex="...">: a lesson formula typeset by KaTeX; shows the source if it cannot parse.
 * A display formula wider than its box is scaled down to fit (down to 55 %, then it scrolls), so a
 * card never cuts a formula off at 390 px or in a narrow column.
 */
export class LrFormula extends HTMLElement {
  private observer?: ResizeObserver;

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
    const tex = this.getAttribute('tex') ?? '';
    try {
      katex.render(tex, this, { throwOnError: true, displayMode: this.getAttribute('display') !== 'inline' });
    } catch (e) {
      this.textContent = tex;
    }
    this.fit();
  }

  /** Scales the typeset formula to the element's width (font-size, so it stays crisp). */
  private fit() {
    const inner = this.querySelector('.katex-display > .katex, .katex') as HTMLElement | null;
    if (!inner) {
      return;
    }
    inner.style.fontSize = '';
    const available = this.clientWidth;
    const needed = inner.scrollWidth;
    if (available > 0 && needed > available) {
      const scale = Math.max(0.55, (available - 2) / needed);
      inner.style.fontSize = `${(1.21 * scale).toFixed(3)}em`;
    }
  }
}

customElements.define('lr-formula', LrFormula);
