package dev.lrlab.ui.playground;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.server.StreamResource;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.export.PytorchExport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The "PyTorch script" download next to the CSV/JSON exports, with a note when the script's numbers
 * cannot match LR Lab's (random parts from a different generator).
 */
public final class ExportLinks extends Span implements LocaleChangeObserver {
    private final Anchor pytorch = new Anchor();
    private final Span note = new Span();
    private PytorchExport.Exactness exactness = PytorchExport.Exactness.EXACT;

    public ExportLinks() {
        pytorch.setId("export-pytorch");
        pytorch.getElement().setAttribute("download", true);
        note.setId("export-pytorch-note");
        note.addClassName("lr-export-note");
        note.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        add(pytorch, note);
    }

    /** Points the link at the script of {@code c} (generated on download) and updates the note. */
    public void update(Compiled c) {
        if (c == null) {
            return;
        }
        StreamResource r = new StreamResource(PytorchExport.FILE_NAME, () ->
                new ByteArrayInputStream(PytorchExport.script(c).getBytes(StandardCharsets.UTF_8)));
        r.setContentType(PytorchExport.MEDIA_TYPE);
        pytorch.setHref(r);
        exactness = PytorchExport.exactness(c);
        localize();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        localize();
    }

    private void localize() {
        pytorch.setText(getTranslation("export.pytorch"));
        note.setVisible(!exactness.exact());
        // one sentence per cause naming its runs ("B = 1, B = 4, B = 16: gaussian noise …"), not one per run
        java.util.Map<PytorchExport.Cause, java.util.List<String>> runs = new java.util.LinkedHashMap<>();
        exactness.reasons().forEach(r -> runs.computeIfAbsent(r.cause(), k -> new java.util.ArrayList<>()).add(r.label()));
        note.setText(runs.entrySet().stream()
                .map(e -> getTranslation(e.getKey().messageKey(),
                        e.getValue().stream().distinct().collect(Collectors.joining(getTranslation("list.separator")))))
                .collect(Collectors.joining(" ")));
    }
}
