package dev.lrlab.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Every API error: {@code {"error": "...", "field": "runs[0].optimizer.beta1", "allowed": [...]}}.
 *
 * @param error   what is wrong, in plain words
 * @param field   JSON path into the spec (e.g. {@code runs[0].optimizer.type}), or for malformed
 *                JSON {@code "line 3, column 7"}, or null when no field is to blame
 * @param allowed accepted values or names where that helps (unknown type, unknown field), else []
 */
@Schema(example = "{\"error\":\"unknown value 'sgdd'\",\"field\":\"runs[0].optimizer.type\","
        + "\"allowed\":[\"sgd\",\"adagrad\",\"rmsprop\",\"adadelta\",\"adam\",\"adamw\",\"adamax\",\"nadam\",\"radam\"]}")
public record ApiError(String error, String field, List<String> allowed) {
}
