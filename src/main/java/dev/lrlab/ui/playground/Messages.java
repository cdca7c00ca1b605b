package dev.lrlab.ui.playground;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validation messages come from the spec validator in English; the common ones are rendered in
 * Chinese for the 简体中文 UI, the rest stay as they are (they name the field exactly).
 */
final class Messages {

    private static final Pattern BETWEEN = Pattern.compile("must be between (\\S+) and (\\S+), was (\\S+)");

    private Messages() {}

    static String localize(String message, Locale locale) {
        if (message == null || locale == null || !"zh".equals(locale.getLanguage())) {
            return message;
        }
        Matcher m = BETWEEN.matcher(message);
        if (m.matches()) {
            return "必须在 " + m.group(1) + " 与 " + m.group(2) + " 之间，当前为 " + m.group(3);
        }
        return switch (message) {
            case "is required" -> "必填";
            case "must be a number", "must be a finite number" -> "必须是有限数值";
            case "must be a whole number" -> "必须是整数";
            case "must be true or false" -> "必须是 true 或 false";
            case "must be a list" -> "必须是数值列表，例如 1, 10";
            default -> message;
        };
    }
}
