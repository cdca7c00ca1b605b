package dev.lrlab.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.LrLabJson;
import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.presets.Preset;
import dev.lrlab.presets.PresetCatalog;
import dev.lrlab.share.ShareCodeException;
import dev.lrlab.spec.Limits;
import dev.lrlab.spec.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line, run from the app jar without starting the web server:
 * <pre>
 * java -jar lrlab.jar simulate SPEC [--format json|csv] [--out FILE]
 * java -jar lrlab.jar presets [ID]
 * java -jar lrlab.jar share SPEC
 * java -jar lrlab.jar unshare CODE
 * </pre>
 * SPEC is a file, {@code -} for stdin, or {@code preset:ID}. Exit code 0 on success, 2 on a bad
 * spec or arguments (the error is printed on stderr in the API's JSON error format).
 */
public final class Cli {
    public static final Set<String> COMMANDS = Set.of("simulate", "presets", "share", "unshare", "help");

    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final ObjectMapper json = LrLabJson.mapper();

    /** No time limit on the command line: the caps of the spec still apply. */
    private final ExperimentService service = new ExperimentService(Limits.DEFAULT, 1, Long.MAX_VALUE / 4);

    public Cli(InputStream stdin, PrintStream stdout, PrintStream stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** True when {@code args} is a CLI command (and Spring must not start). */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.in, System.out, System.err).run(args));
    }

    /** Runs one command; returns the exit code. */
    public int run(String[] args) {
        try {
            if (args.length == 0) {
                throw new Usage("no command given");
            }
            return switch (args[0]) {
                case "simulate" -> simulate(args);
                case "presets" -> presets(args);
                case "share" -> share(args);
                case "unshare" -> unshare(args);
                case "help" -> {
                    stdout.println(USAGE);
                    yield 0;
                }
                default -> throw new Usage("unknown command '" + args[0] + "'");
            };
        } catch (SpecException e) {
            return fail(new CliError(e.getMessage(), e.field(), e.allowed()));
        } catch (ShareCodeException e) {
            return fail(new CliError(e.getMessage(), "code", List.of()));
        } catch (Usage e) {
            return fail(new CliError(e.getMessage() + "\n" + USAGE, null, e.allowed));
        } catch (IOException e) {
            return fail(new CliError(e.getMessage(), null, List.of()));
        }
    }

    static final String USAGE = """
            usage: java -jar lrlab.jar simulate SPEC [--format json|csv] [--out FILE]
                   java -jar lrlab.jar presets [ID]
                   java -jar lrlab.jar share SPEC
                   java -jar lrlab.jar unshare CODE
            SPEC: a JSON file, - for stdin, or preset:ID""";

    private int simulate(String[] args) throws IOException {
        String source = null;
        String format = "json";
        String out = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--format") || a.equals("--out")) {
                if (i + 1 >= args.length) {
                    throw new Usage(a + " needs a value");
                }
                if (a.equals("--format")) {
                    format = args[++i];
                } else {
                    out = args[++i];
                }
            } else if (a.startsWith("--format=")) {
                format = a.substring(9);
            } else if (a.startsWith("--out=")) {
                out = a.substring(6);
            } else if (a.startsWith("--")) {
                throw new Usage("unknown option " + a, List.of("--format", "--out"));
            } else if (source == null) {
                source = a;
            } else {
                throw new Usage("only one spec, got '" + source + "' and '" + a + "'");
            }
        }
        if (!format.equals("json") && !format.equals("csv")) {
            throw new Usage("unknown format '" + format + "'", List.of("json", "csv"));
        }
        Map<String, Object> spec = readSpec(source);
        ExperimentResult result = service.simulate(service.compile(spec));
        byte[] bytes = format.equals("csv") ? service.csv(result).getBytes(StandardCharsets.UTF_8)
                : (json.writeValueAsString(result) + "\n").getBytes(StandardCharsets.UTF_8);
        if (out == null || out.equals("-")) {
            stdout.write(bytes);
            stdout.flush();
        } else {
            Files.write(Path.of(out), bytes);
        }
        return 0;
    }

    private int presets(String[] args) throws IOException {
        PresetCatalog cat = PresetCatalog.standard();
        if (args.length > 2) {
            throw new Usage("presets takes at most one id");
        }
        if (args.length == 2) {
            Preset p = cat.byId(args[1]).orElseThrow(() -> new Usage("no preset with id '" + args[1] + "'",
                    cat.all().stream().map(Preset::id).toList()));
            stdout.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(p));
            return 0;
        }
        for (Preset p : cat.all()) {
            stdout.println(p.id() + "\t" + String.join(",", p.seeds()) + "\t" + p.title().get("en"));
        }
        return 0;
    }

    private int share(String[] args) throws IOException {
        if (args.length != 2) {
            throw new Usage("share takes one spec");
        }
        stdout.println(service.shareCode(readSpec(args[1])));
        return 0;
    }

    private int unshare(String[] args) throws IOException {
        if (args.length != 2) {
            throw new Usage("unshare takes one code");
        }
        Map<String, Object> spec = service.open(args[1]).minimal();
        stdout.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(spec));
        return 0;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readSpec(String source) throws IOException {
        if (source == null) {
            throw new Usage("which spec? give a file, - for stdin, or preset:ID");
        }
        if (source.startsWith("preset:")) {
            String id = source.substring(7);
            PresetCatalog cat = PresetCatalog.standard();
            return cat.byId(id).map(Preset::spec).orElseThrow(() -> new Usage("no preset with id '" + id + "'",
                    cat.all().stream().map(Preset::id).toList()));
        }
        byte[] bytes;
        if (source.equals("-")) {
            bytes = stdin.readAllBytes();
        } else {
            Path p = Path.of(source);
            if (!Files.isRegularFile(p)) {
                throw new IOException("cannot read spec file '" + source + "'");
            }
            bytes = Files.readAllBytes(p);
        }
        if (bytes.length == 0) {
            throw new SpecException(null, "the spec is empty; give an experiment spec (a JSON object)");
        }
        Object parsed;
        try {
            parsed = json.readValue(bytes, Object.class);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new SpecException(loc == null ? null : "line " + loc.getLineNr() + ", column " + loc.getColumnNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new SpecException(null, "the spec must be a JSON object");
        }
        return (Map<String, Object>) m;
    }

    private int fail(CliError e) {
        try {
            stderr.println(json.writeValueAsString(e));
        } catch (JsonProcessingException ex) {
            stderr.println(e.error());
        }
        return 2;
    }

    /** The error printed on stderr: the same shape as the REST API's {@code {"error","field","allowed"}}. */
    record CliError(String error, String field, List<String> allowed) {
    }

    /** Bad command-line arguments. */
    private static final class Usage extends RuntimeException {
        final List<String> allowed;

        Usage(String message) {
            this(message, List.of());
        }

        Usage(String message, List<String> allowed) {
            super(message);
            this.allowed = new ArrayList<>(allowed);
        }
    }

}
