package dev.lrlab.ui.playground;

import com.vaadin.flow.dom.Element;

/** Copies text to the visitor's clipboard from the browser. */
final class Clipboard {
    private Clipboard() {
    }

    /**
     * Copies {@code text}, or the page's address when it is null. The async clipboard needs a
     * secure context; plain-http hosts fall back to a selection copy.
     */
    static void copy(Element from, String text) {
        from.executeJs("""
                const u = $0 == null ? window.location.href : $0;
                const fallback = () => {
                  const t = document.createElement('textarea');
                  t.value = u;
                  t.style.position = 'fixed';
                  t.style.opacity = '0';
                  document.body.appendChild(t);
                  t.select();
                  try { document.execCommand('copy'); } finally { t.remove(); }
                };
                if (navigator.clipboard && window.isSecureContext) {
                  navigator.clipboard.writeText(u).catch(fallback);
                } else {
                  fallback();
                }
                """, text);
    }
}
