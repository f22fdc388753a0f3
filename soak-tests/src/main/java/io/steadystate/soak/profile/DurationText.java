package io.steadystate.soak.profile;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them on a command line or in a profile: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code PT5M}. */
public final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private DurationText() {}

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        Matcher m = PART.matcher(t);
        int pos = 0;
        double millis = 0;
        while (m.find() && m.start() == pos) {
            double v = Double.parseDouble(m.group(1));
            millis += switch (m.group(2)) {
                case "h" -> v * 3_600_000;
                case "m" -> v * 60_000;
                case "s" -> v * 1_000;
                default -> v;
            };
            pos = m.end();
        }
        if (pos != t.length() || pos == 0) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 90s, 10m, 1h30m)");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return s % 60 == 0 ? (s / 60) + "m" : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
