package io.steadystate.soak.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.steadystate.soak.verdict.Check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert rules of k8s (components/prometheus/rules/steadystate.rules.yml) evaluated over the run as Prometheus
 * would: an alert fires once its expression has been true for its {@code for} duration, and is pending before.
 * On a clean run none may fire; on a fault run the firing ones are listed (a short run cannot reach a 30 m
 * {@code for}, so heap growth shows as pending there).
 */
public final class AlertRulesOnRun {

    public enum State { QUIET, PENDING, FIRING, ERROR }

    public record Alert(String name, String expr, Duration forDuration, State state, Duration trueFor, String detail) {
    }

    private AlertRulesOnRun() {
    }

    public static List<Alert> evaluate(PrometheusApi api, GrafanaTemplate range, Path rulesFile) {
        List<Alert> out = new ArrayList<>();
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(rulesFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + rulesFile, e);
        }
        for (JsonNode g : root.path("groups")) {
            for (JsonNode r : g.path("rules")) {
                if (!r.hasNonNull("alert")) {
                    continue;
                }
                String name = r.path("alert").asText();
                String expr = r.path("expr").asText().strip();
                Duration forDuration = duration(r.path("for").asText("0s"));
                try {
                    List<PrometheusApi.Series> series = api.queryRange(expr, range.start(), range.end(), range.step());
                    long longest = 0;
                    for (PrometheusApi.Series s : series) {
                        longest = Math.max(longest, longestStretch(s.t(), range.step().toSeconds()));
                    }
                    Duration trueFor = Duration.ofSeconds(longest);
                    State state = series.isEmpty() ? State.QUIET
                            : trueFor.compareTo(forDuration) >= 0 ? State.FIRING : State.PENDING;
                    out.add(new Alert(name, expr, forDuration, state, trueFor, series.size() + " series"));
                } catch (PrometheusApi.QueryFailed e) {
                    out.add(new Alert(name, expr, forDuration, State.ERROR, Duration.ZERO, e.getMessage()));
                }
            }
        }
        return out;
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

    /** Clean run: one check, failing when any alert fires or a rule does not evaluate. Fault run: the list, as info. */
    public static List<Check> checks(List<Alert> alerts, boolean faultRun) {
        List<Check> out = new ArrayList<>();
        StringBuilder firing = new StringBuilder();
        StringBuilder pending = new StringBuilder();
        boolean errors = false;
        for (Alert a : alerts) {
            switch (a.state()) {
                case FIRING -> firing.append(firing.isEmpty() ? "" : ", ").append(a.name());
                case PENDING -> pending.append(pending.isEmpty() ? "" : ", ").append(a.name()).append(" (true ")
                        .append(a.trueFor().toSeconds()).append(" s of ").append(a.forDuration().toMinutes()).append(" min)");
                case ERROR -> {
                    errors = true;
                    out.add(new Check("alert-rules", "all", false, a.name() + " does not evaluate: " + a.detail()));
                }
                default -> { }
            }
        }
        String summary = "firing: " + (firing.isEmpty() ? "none" : firing) + "; pending: " + (pending.isEmpty() ? "none" : pending);
        out.add(new Check("alert-rules", "all", faultRun ? !errors : firing.isEmpty() && !errors,
                (faultRun ? "fault run, " : "clean run, ") + summary));
        return out;
    }

    static Duration duration(String s) {
        if (s == null || s.isBlank()) {
            return Duration.ZERO;
        }
        long n = Long.parseLong(s.replaceAll("[a-z]+$", ""));
        return switch (s.replaceAll("^\\d+", "")) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
