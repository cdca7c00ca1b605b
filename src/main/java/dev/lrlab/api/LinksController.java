package dev.lrlab.api;

import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.links.LinkService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import dev.lrlab.web.PublicUrl;

/** Short links under {@code /api/links}: store a spec, read it back. */
@RestController
@RequestMapping(path = "/api/links", produces = MediaType.APPLICATION_JSON_VALUE)
public class LinksController {
    private final ExperimentService experiments;
    private final LinkService links;
    private final PublicUrl publicUrl;

    public LinksController(ExperimentService experiments, LinkService links, PublicUrl publicUrl) {
        this.experiments = experiments;
        this.links = links;
        this.publicUrl = publicUrl;
    }

    /** The answer of POST /api/links. */
    public record LinkResponse(@Schema(example = "3kTq9ZbW1x") String id,
                               @Schema(description = "opens the experiment", example = "https://lrlab.example/l/3kTq9ZbW1x")
                               String url) {
    }

    @Operation(summary = "Store an experiment as a short link", description = "Validates the spec as /api/simulate "
            + "does, stores its canonical-minimal form and answers its content-addressed id: the same canonical spec "
            + "always gets the same id, and a stored link never changes. Creation is rate-limited per client "
            + "(lrlab.links.rate-per-minute; then 429 with Retry-After); specs over lrlab.links.max-spec-bytes get 413.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"),
            examples = @ExampleObject(name = "worked example", value = ApiController.WORKED_EXAMPLE)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LinkResponse.class)))
    @ApiResponse(responseCode = "200", description = "the spec was stored before: the same id",
            content = @Content(schema = @Schema(implementation = LinkResponse.class)))
    @ApiResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "413", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @PostMapping
    public ResponseEntity<LinkResponse> create(HttpServletRequest req) throws IOException {
        ApiController.checkJson(req);
        links.admit(req.getRemoteAddr());
        byte[] body = readCapped(req, links.maxSpecBytes());
        LinkService.Created c = links.store(experiments.parseSpec(body));
        String url = publicUrl.base(req) + "/l/" + c.id();
        return ResponseEntity.status(c.stored() ? HttpStatus.CREATED : HttpStatus.OK).body(new LinkResponse(c.id(), url));
    }

    @Operation(summary = "The spec of a short link", description = "The stored canonical-minimal spec, migrated to "
            + "the current spec version; 404 for unknown ids.")
    @ApiResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable("id") String id) {
        return links.spec(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "no short link with id '" + id + "'", "id", List.of()));
    }

    @Operation(summary = "The preview picture of a short link", description = "1200 × 630 PNG for Open Graph and "
            + "Twitter cards: the landscape with every run's trajectory (2-D), or the runs' loss curves. Immutable.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE))
    @ApiResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @GetMapping(path = "/{id}/preview.png", produces = {MediaType.IMAGE_PNG_VALUE, MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<byte[]> preview(@PathVariable("id") String id) {
        byte[] png = links.preview(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "no short link with id '" + id + "'", "id", List.of()));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()).body(png);
    }

    /**
     * Reads at most {@code cap} bytes: a larger body is refused without reading it all (the
     * Content-Length, when sent, is checked before reading anything).
     */
    private static byte[] readCapped(HttpServletRequest req, int cap) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > cap) {
            throw new LinkService.SpecTooLargeException(cap, declared);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(256, Math.min(cap, declared)));
        try (InputStream in = req.getInputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > cap) {
                    throw new LinkService.SpecTooLargeException(cap, -1);
                }
                out.write(buf, 0, n);
            }
        }
        return out.toByteArray();
    }
}
