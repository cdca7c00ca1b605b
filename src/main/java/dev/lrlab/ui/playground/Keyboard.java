package dev.lrlab.ui.playground;

import com.vaadin.flow.component.UI;

/**
 * Playground keys: space plays/pauses, → steps once (shift: ten), ← moves the playhead back.
 * Installed once per page; ignored while typing in a field.
 */
final class Keyboard {

    private Keyboard() {}

    static void install(UI ui) {
        ui.getPage().executeJs("""
                if (window.__lrKeys) return;
                window.__lrKeys = true;
                document.addEventListener('keydown', (e) => {
                  const path = e.composedPath ? e.composedPath() : [e.target];
                  const typing = path.some((el) => el && el.tagName &&
                      (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable
                       || (el.tagName.startsWith('VAADIN-') && /FIELD|SELECT|COMBO|CHECKBOX/.test(el.tagName))));
                  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
                  const click = (id) => { const b = document.getElementById(id); if (b && !b.disabled) b.click(); };
                  if (e.key === ' ') { e.preventDefault(); click('btn-play'); }
                  else if (e.key === 'ArrowRight') { e.preventDefault(); click(e.shiftKey ? 'btn-step10' : 'btn-step1'); }
                  else if (e.key === 'ArrowLeft') {
                    const t = document.getElementById('timeline');
                    if (t && t.nudge) { e.preventDefault(); t.nudge(e.shiftKey ? -10 : -1); }
                  }
                });
                """);
    }
}
