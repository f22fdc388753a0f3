package io.steadystate.soak.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.steadystate.soak.verdict.Check;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alert rules of k8s (components/prometheus/rules/steadystate.rules.yml) evaluated on the run, scaled to it.
 *
 * <p>A soak lasts minutes; the rules watch hours (a 2 h {@code deriv} window, {@code for: 30m}), so evaluated as
 * written none could fire, and their long windows would be filled by the warm-up. Each rule is therefore scaled
 * to the run, keeping its shape and its thresholds (which stay in production units, e.g. points of max heap per
 * hour): the steady state is the run after its warm-up (the profile's, and at least half the run, see
 * {@link Window#of}); every range selector
 * longer than half the steady state is cut to half of it, so the window only ever sees steady-state samples (as
 * a Prometheus that began scraping when the warm-up ended would); the condition — the rule's {@code expr},
 * without {@code for} — is evaluated at every scrape step of the second half; and {@code for} is scaled by the
 * same factor as the rule's longest range (2 h → 48 s scales 30 m to 12 s).
 *
 * <p>State: QUIET (the condition never held), PENDING (held, not for its scaled {@code for}), FIRING (held at
 * least that long), ERROR (does not evaluate), CLUSTER_ONLY (uses a cluster exporter's metric the local stack
 * cannot have: not judged there).
 */
public final class AlertRulesOnRun {

    public enum State {
        QUIET,
        PENDING,
        FIRING,
        ERROR,
        CLUSTER_ONLY
    }

    /** The rule the leak faults must trip: the long-lived heap after GC filling max heap within the hour. */
    public static final String HEAP_GROWTH = "SteadyStatePostGcHeapFillingFast";

    /**
     * A rule whose range had to be cut by more than this factor is shown but not judged on a clean run: its
     * threshold is a slope per hour measured over hours, and over seconds GC noise alone exceeds it (measured on a
     * 2-minute run: a clean order-service's long-lived heap after GC swung by 0.4 MB within 20 s, ±50 % of max
     * heap per hour, against SteadyStatePostGcHeapGrowing's 2 % per hour). The 10-minute fast-leak rule stays
     * judged on a smoke (cut about 25×); the 2-hour rules need a run of hours.
     */
    public static final double MAX_JUDGED_CUT = 100;
    // A dense run compresses time a second way: at 18,000 ticks/s (the default profile) against a production day's
    // 20 M ticks over 6.5 market hours (855/s), one wall minute carries 21 production minutes of events. A store
    // filling to its bound, 13 MB per wall hour on a clean order-service, is 0.6 MB per production hour — so the
    // rule's time is shortened by cut × compression, and that product is held to MAX_JUDGED_CUT.

    /** One series (label set) for which the condition held, and its longest unbroken stretch. */
    public record Held(Map<String, String> labels, Duration longest) {}

    /**
     * @param scaledExpr what was evaluated (the ranges cut to the run)
     * @param scaledFor  {@code for} scaled as the longest range was
     * @param cut        how many times the longest range was shortened (1 when it fits the run)
     * @param trueFor    the longest stretch any series held
     */
    public record Alert(
            String name,
            String expr,
            String scaledExpr,
            Duration forDuration,
            Duration scaledFor,
            double cut,
            double compression,
            State state,
            Duration trueFor,
            List<Held> held,
            String detail) {

        /** Whether a clean run holds this rule to "must not fire" (see {@link #MAX_JUDGED_CUT}). */
        public boolean judgedOnCleanRun() {
            return cut * compression <= MAX_JUDGED_CUT;
        }

        /** Why a rule is not judged on a clean run, e.g. "range cut 48x × 21x denser than production". */
        public String notJudgedWhy() {
            return "range cut " + Math.round(cut) + "x"
                    + (compression > 1.05
                            ? String.format(java.util.Locale.ROOT, " × %.0fx denser than production", compression)
                            : "");
        }
    }

    /** The part of the run the conditions are evaluated over, and the window length ranges are cut to. */
    public record Window(Instant from, Instant to, Duration range, Duration step, double compression) {

        /**
         * The steady state starts after the profile's warm-up and at the earliest at half the run: a smoke is
         * minutes long and order-service's stores fill for most of its first half (measured: its post-GC heap
         * flattens at about 40 % of a 2-minute run), growth a production rule never sees past its {@code for}.
         * Half the run is also the longest warm-up the verdict may skip (WarmupDetector's cap).
         */
        public static Window of(RunScope run, Duration scrapeInterval) {
            Duration length = Duration.between(run.start(), run.end());
            Instant steadyFrom = run.start()
                    .plus(Duration.ofMillis(
                            Math.round(length.toMillis() * Math.max(run.warmupFraction(), MIN_WARMUP_FRACTION))));
            Duration half = Duration.between(steadyFrom, run.end()).dividedBy(2);
            return new Window(steadyFrom.plus(half), run.end(), half, scrapeInterval, run.compression());
        }
    }

    /** The share of the run that is warm-up for the alert rules at least (see {@link Window#of}). */
    public static final double MIN_WARMUP_FRACTION = 0.5;

    private static final Pattern RANGE = Pattern.compile("\\[([0-9a-z]+)(:([0-9a-z]*))?]");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");

    private AlertRulesOnRun() {}

    public static List<Alert> evaluate(PrometheusApi api, Window window, Path rulesFile, boolean localStack) {
        List<Alert> out = new ArrayList<>();
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(rulesFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + rulesFile, e);
        }
        for (JsonNode g : root.path("groups")) {
            for (JsonNode r : g.path("rules")) {
                if (r.hasNonNull("alert")) {
                    out.add(evaluate(
                            api,
                            window,
                            r.path("alert").asText(),
                            r.path("expr").asText().strip(),
                            duration(r.path("for").asText("0s")),
                            localStack));
                }
            }
        }
        return out;
    }

    static Alert evaluate(
            PrometheusApi api, Window window, String name, String expr, Duration forDuration, boolean localStack) {
        Duration longestRange = longestRange(expr);
        String scaled = scale(expr, window.range(), window.step());
        double cut = longestRange.compareTo(window.range()) > 0
                ? (double) longestRange.toMillis() / Math.max(1, window.range().toMillis())
                : 1;
        Duration scaledFor = Duration.ofMillis(Math.round(forDuration.toMillis() / cut));
        Set<String> cluster = ClusterMetrics.anyFromCluster(expr);
        try {
            List<PrometheusApi.Series> series = api.queryRange(scaled, window.from(), window.to(), window.step());
            List<Held> held = new ArrayList<>();
            long longest = 0;
            for (PrometheusApi.Series s : series) {
                long l = longestStretch(s.t(), window.step().toSeconds());
                held.add(new Held(s.labels(), Duration.ofSeconds(l)));
                longest = Math.max(longest, l);
            }
            Duration trueFor = Duration.ofSeconds(longest);
            State state = series.isEmpty()
                    ? (localStack && !cluster.isEmpty() ? State.CLUSTER_ONLY : State.QUIET)
                    : trueFor.compareTo(scaledFor) >= 0 ? State.FIRING : State.PENDING;
            String detail = state == State.CLUSTER_ONLY
                    ? "uses " + String.join(", ", cluster) + " metrics, which the local stack has none of"
                    : series.size() + " series held";
            return new Alert(
                    name,
                    expr,
                    scaled,
                    forDuration,
                    scaledFor,
                    cut,
                    window.compression(),
                    state,
                    trueFor,
                    List.copyOf(held),
                    detail);
        } catch (PrometheusApi.QueryFailed e) {
            return new Alert(
                    name,
                    expr,
                    scaled,
                    forDuration,
                    scaledFor,
                    cut,
                    window.compression(),
                    State.ERROR,
                    Duration.ZERO,
                    List.of(),
                    e.getMessage());
        }
    }

    /** The expression with every range (and subquery range) longer than {@code range} cut to it. */
    static String scale(String expr, Duration range, Duration step) {
        Matcher m = RANGE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Duration d = durationOrZero(m.group(1));
            if (d.compareTo(range) <= 0) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String cut = range.toMillis() + "ms";
            if (m.group(2) == null) {
                m.appendReplacement(out, "[" + cut + "]");
            } else {
                // a subquery's resolution no coarser than the scrape, so the cut window still holds points
                String res = m.group(3).isEmpty()
                        ? ""
                        : step.compareTo(duration(m.group(3))) < 0 ? step.toMillis() + "ms" : m.group(3);
                m.appendReplacement(out, "[" + cut + ":" + res + "]");
            }
        }
        return m.appendTail(out).toString();
    }

    static Duration longestRange(String expr) {
        Duration longest = Duration.ZERO;
        Matcher m = RANGE.matcher(expr);
        while (m.find()) {
            Duration d = durationOrZero(m.group(1));
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        return longest;
    }

    /** A range's duration, or zero for a bracket that is not one (a character class inside a string). */
    private static Duration durationOrZero(String s) {
        try {
            return duration(s);
        } catch (IllegalArgumentException notARange) {
            return Duration.ZERO;
        }
    }

    /**
     * Clean run: one check, failing when a judged rule fired (held at least its scaled {@code for}) after the
     * warm-up, plus one failing check per rule that does not evaluate; what pended, and what fired but is not
     * judged ({@link #MAX_JUDGED_CUT}), is listed. Fault run: the check fails unless {@link #HEAP_GROWTH} fired for
     * the fault's service; what else held is listed.
     */
    public static List<Check> checks(List<Alert> alerts, RunScope run) {
        List<Check> out = new ArrayList<>();
        List<String> fired = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        List<String> clusterOnly = new ArrayList<>();
        for (Alert a : alerts) {
            String line = a.name() + " " + a.state() + " (held " + a.trueFor().toSeconds() + " s, scaled for "
                    + a.scaledFor().toSeconds() + " s of " + text(a.forDuration()) + ", by " + services(a) + ")";
            switch (a.state()) {
                case ERROR ->
                    out.add(new Check("alert-rules", "all", false, a.name() + " does not evaluate: " + a.detail()));
                case FIRING ->
                    (a.judgedOnCleanRun() || run.faultRun() ? fired : listed)
                            .add(a.judgedOnCleanRun() ? line : line + " not judged: its " + a.notJudgedWhy());
                case PENDING -> listed.add(line);
                case CLUSTER_ONLY -> clusterOnly.add(a.name());
                default -> {}
            }
        }
        String summary = "fired after the warm-up: " + (fired.isEmpty() ? "none" : String.join(", ", fired))
                + (listed.isEmpty() ? "" : "; also held: " + String.join(", ", listed))
                + (clusterOnly.isEmpty() ? "" : "; not judged, cluster-only: " + String.join(", ", clusterOnly));
        if (!run.faultRun()) {
            out.add(new Check("alert-rules", "all", fired.isEmpty(), "clean run, " + summary));
            return out;
        }
        Alert heap = alerts.stream()
                .filter(a -> a.name().equals(HEAP_GROWTH))
                .findFirst()
                .orElse(null);
        Held fault = heap == null
                ? null
                : heap.held().stream()
                        .filter(h -> run.faultService().equals(h.labels().get("service")))
                        .findFirst()
                        .orElse(null);
        boolean ok = fault != null && fault.longest().compareTo(heap.scaledFor()) >= 0;
        FaultHeapTrend trend = run.faultTrend();
        if (!ok && heap != null && trend != null && !trend.fillsWithinHour()) {
            // a slow leak (the verdict's business) does not page: the fast rule has nothing to say about it
            out.add(new Check(
                    "alert-rules",
                    run.faultService(),
                    true,
                    "fault run: " + HEAP_GROWTH + " not expected "
                            + "to fire, the leak does not fill the heap within the hour: " + trend.describe() + "; "
                            + summary));
            return out;
        }
        out.add(new Check(
                "alert-rules",
                run.faultService(),
                ok,
                "fault run: " + HEAP_GROWTH
                        + (heap == null
                                ? " is not in the rules"
                                : fault == null
                                        ? " never held for " + run.faultService()
                                        : " held " + fault.longest().toSeconds() + " s for " + run.faultService()
                                                + " (scaled for "
                                                + heap.scaledFor().toSeconds() + " s)" + (ok ? "" : ": too short"))
                        + "; " + summary));
        return out;
    }

    private static String services(Alert a) {
        return a.held().stream()
                .map(h -> h.labels().getOrDefault("service", h.labels().toString()))
                .distinct()
                .sorted()
                .reduce((x, y) -> x + ", " + y)
                .orElse("?");
    }

    static String text(Duration d) {
        return d.toSeconds() % 60 == 0 && d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    /** Longest run of consecutive samples (a gap of more than one step ends it), in seconds. */
    static long longestStretch(double[] t, long step) {
        long best = 0;
        double begin = Double.NaN;
        for (int i = 0; i < t.length; i++) {
            if (i == 0 || t[i] - t[i - 1] > step * 1.5) {
                begin = t[i];
            }
            best = Math.max(best, (long) (t[i] - begin));
        }
        return best;
    }

    /** A Prometheus duration: {@code 90s}, {@code 30m}, {@code 1h30m}. */
    static Duration duration(String s) {
        if (s == null || s.isBlank()) {
            return Duration.ZERO;
        }
        Matcher m = DURATION_PART.matcher(s);
        Duration d = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        case "d" -> Duration.ofDays(n);
                        case "w" -> Duration.ofDays(7 * n);
                        default -> Duration.ofDays(365 * n);
                    });
            end = m.end();
        }
        if (end != s.length()) {
            throw new IllegalArgumentException("not a Prometheus duration: " + s);
        }
        return d;
    }
}
