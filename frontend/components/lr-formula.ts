import katex from 'katex';
import 'katex/dist/katex.min.css';

/** <lr-formula tex="...">: a lesson formula typeset by KaTeX; shows the source if it cannot parse. */
export class LrFormula extends HTMLElement {
  static get observedAttributes() {
    return ['tex', 'display'];
  }

  connectedCallback() {
    this.render();
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
  }
}

customElements.define('lr-formula', LrFormula);
