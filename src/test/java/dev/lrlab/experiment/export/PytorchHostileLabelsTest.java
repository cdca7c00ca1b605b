package dev.lrlab.experiment.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.spec.Limits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run labels are the user's text and the script runs on a student's machine: a label that tries
 * to close a docstring, a string or a comment must stay a label. Scripts of noisy and thermostat
 * runs (whose "not exact" note used to quote the label in the docstring) with hostile labels must
 * parse, hold each label as a string literal that evaluates to exactly the label, hold no label
 * text in any docstring, and — run with torch — never write the marker file the payloads aim at.
 */
class PytorchHostileLabelsTest {
    static ExperimentService service;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        service = new ExperimentService(Limits.DEFAULT, 1, 60_000);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** Labels that break out of a """ docstring, a ''' or ' string, a # comment, or hide what they do. */
    static List<String> hostile(Path marker) {
        String write = "open(" + "'" + marker + "', 'w').write('pwned')";
        return List.of(
                "\"\"\"\n" + write + "\n\"\"\"",
                "'''\n" + write + "\n'''",
                "x'; " + write + "; '",
                "a\\\"\"\"; " + write + " #",
                "line\r" + write,
                "line\u2028" + write + "\u2029end",
                "\u202Eevil\u202C \u200B zero-width, emoji 🔥, η, 中文",
                "tab\there\u0000nul\u007fdel\\",
                "=HYPERLINK(\"http://evil.example\")");
    }

    /** Noisy and thermostat runs (inexact: their causes are listed in the docstring), two labels each. */
    static Map<String, Object> spec(List<String> labels) {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("label", labels.get(i));
            run.put("steps", 5);
            run.put("optimizer", Map.of("type", "sgd", "lr", 0.05));
            run.put("noise", i % 2 == 0 ? Map.of("type", "gaussian", "sigma", 0.1) : Map.of("type", "thermostat", "targetK", 0.01));
            runs.add(run);
        }
        return Map.of("landscape", Map.of("type", "quadratic", "eigenvalues", List.of(1, 10)), "runs", runs);
    }

    private static String python(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PytorchExportTest.PYTHON));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("python timed out");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError("python exited " + p.exitValue() + ":\n" + text);
        }
        return text;
    }

    /**
     * Parses the script (never runs it) and prints, as JSON, its docstrings and the labels of its
     * RUNS list as Python reads them.
     */
    private static final String INSPECT = """
            import ast, json, sys
            tree = ast.parse(open(sys.argv[1], encoding='utf-8').read())
            docs = [ast.get_docstring(n, clean=False) or '' for n in ast.walk(tree)
                    if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef))]
            runs = [a for a in tree.body if isinstance(a, ast.Assign) and a.targets[0].id == 'RUNS'][0]
            labels = [ast.literal_eval(t.elts[0]) for t in runs.value.elts]
            print(json.dumps({'docs': docs, 'labels': labels}))
            """;

    @Test
    @SuppressWarnings("unchecked")
    void hostileLabelsStayStringLiteralsOutOfEveryDocstring() throws Exception {
        Path marker = dir.resolve("marker.txt");
        List<String> labels = hostile(marker);
        List<Path> scripts = new ArrayList<>();
        for (int from = 0; from < labels.size(); from += 8) {
            List<String> some = labels.subList(from, Math.min(labels.size(), from + 8));
            Compiled c = service.compile(spec(some));
            assertFalse(PytorchExport.exactness(c).exact());
            String script = PytorchExport.script(c);
            Path file = dir.resolve("hostile_" + from + ".py");
            Files.writeString(file, script);
            scripts.add(file);
            // not inspect.py: a file beside the scripts would shadow the module they import
            Path inspect = dir.resolve("read_labels_and_docstrings.py");
            Files.writeString(inspect, INSPECT);
            Map<String, Object> seen = new ObjectMapper().readValue(python(dir, inspect.toString(), file.toString()), Map.class);
            assertEquals(some, seen.get("labels"), "RUNS holds every label exactly");
            for (String doc : (List<String>) seen.get("docs")) {
                assertFalse(doc.contains("pwned") || doc.contains("HYPERLINK") || doc.contains("中文"),
                        "a docstring quotes a label:\n" + doc);
            }
            assertTrue(doc(script).contains("Not exact: run_0: gaussian gradient noise"), doc(script));
            // invisible and reordering characters never appear raw in the file: it reads as it runs
            assertTrue(script.chars().noneMatch(ch -> ch == 0x202E || ch == 0x200B || ch == 0x2028 || ch == 0 || ch == '\r'),
                    "raw control or bidi characters in the script");
        }
        if (!PytorchExportTest.torchAvailable()) {
            String msg = "!!!!! PytorchHostileLabelsTest: scripts parsed, not run: " + PytorchExportTest.PYTHON
                    + " cannot import torch (apt-get install python3-torch) !!!!!";
            System.err.println(msg);
            if ("true".equals(System.getenv("CI"))) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
        for (Path script : scripts) {
            String out = python(dir, script.toString());
            assertTrue(out.startsWith("# run "), out);
        }
        assertFalse(Files.exists(marker), "a label's payload ran and wrote " + marker);
    }

    @Test
    void aLiteralEvaluatesToItsTextWhateverItHolds() {
        assertEquals("'a\\'b\\\"c\\\\d\\n\\r\\t\\x00\\x7f\\u202e\\u200b\\u2028\\U000e0001 η 中文 🔥 \\ufffd'",
                Py.str("a'b\"c\\d\n\r\t\u0000\u007f\u202E\u200B\u2028\uDB40\uDC01 η 中文 🔥 \uD800"));
    }

    private static String doc(String script) {
        int start = script.indexOf("\"\"\"");
        return script.substring(start, script.indexOf("\"\"\"", start + 3) + 3);
    }
}
