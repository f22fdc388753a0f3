package io.steadystate.soak.dashboards;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's variable interpolation for a Prometheus data source, for one time range: the built-in intervals
 * ({@code $__interval}, {@code $__rate_interval}, {@code $__range} and their _ms/_s forms) and the dashboard's own
 * variables, multi-value and "All" ones formatted as Grafana does ({@code (a|b)} with regex-escaped values).
 *
 * <p>Intervals follow Grafana: {@code $__interval} = range / max data points, rounded, never below the scrape
 * interval; {@code $__rate_interval} = max($__interval + scrape interval, 4 × scrape interval).
 */
public final class GrafanaTemplate {

    /** Grafana's data points for a panel about as wide as the report's charts. */
    static final int MAX_DATA_POINTS = 600;

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)(?::[^}]*)?}|\\$(\\w+)|\\[\\[(\\w+)]]");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((?:(.*),)?\\s*(\\w+)\\s*\\)\\s*$");

    private final Instant start;
    private final Instant end;
    private final Duration interval;
    private final Duration rateInterval;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, Boolean> multi = new LinkedHashMap<>();

    public GrafanaTemplate(Instant start, Instant end, Duration scrapeInterval) {
        this.start = start;
        this.end = end;
        long rangeMs = Math.max(1, Duration.between(start, end).toMillis());
        long raw = Math.max(scrapeInterval.toMillis(), rangeMs / MAX_DATA_POINTS);
        this.interval = Duration.ofSeconds(Math.max(1, (raw + 999) / 1000));
        this.rateInterval = Duration.ofMillis(
                Math.max(interval.toMillis() + scrapeInterval.toMillis(), 4 * scrapeInterval.toMillis()));
    }

    public Duration step() {
        return interval;
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    /** The values a variable took (all of them for multi/All variables, Grafana's default first one otherwise). */
    public Map<String, List<String>> variables() {
        return Map.copyOf(values);
    }

    /**
     * Resolves the dashboard's variables in order (a query variable may use the ones before it); returns the
     * problems (an unsupported variable query, or one with no value).
     */
    public List<String> resolve(Dashboard d, PrometheusApi api) {
        List<String> problems = new ArrayList<>();
        for (Dashboard.Variable v : d.variables()) {
            List<String> found = new ArrayList<>();
            switch (v.type()) {
                case "datasource" -> found.add("prometheus");
                case "custom", "interval" -> {
                    for (String o : v.query().split(",")) {
                        String opt = o.contains(" : ") ? o.substring(o.indexOf(" : ") + 3) : o;
                        if (!opt.isBlank()) {
                            found.add(opt.trim());
                        }
                    }
                }
                case "constant", "textbox" -> found.add(v.query());
                case "query" -> {
                    Matcher m = LABEL_VALUES.matcher(v.query());
                    if (!m.matches()) {
                        problems.add("variable $" + v.name() + ": unsupported query " + v.query());
                        break;
                    }
                    try {
                        found.addAll(api.labelValues(
                                m.group(2),
                                m.group(1) == null ? null : expand(m.group(1).trim()),
                                start,
                                end));
                    } catch (PrometheusApi.QueryFailed e) {
                        problems.add("variable $" + v.name() + " (" + v.query() + "): " + e.getMessage());
                    }
                }
                default -> problems.add("variable $" + v.name() + ": unsupported type " + v.type());
            }
            if (found.isEmpty()) {
                problems.add("variable $" + v.name() + " has no value over the run (" + v.query() + ")");
            }
            boolean all = v.multi() || v.includeAll();
            values.put(v.name(), all || found.isEmpty() ? List.copyOf(found) : List.of(found.get(0)));
            multi.put(v.name(), all);
        }
        return problems;
    }

    /** {@code expr} with every built-in and resolved variable replaced; unknown references stay as they are. */
    public String expand(String expr) {
        Matcher m = REFERENCE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String value = builtin(name);
            if (value == null && values.containsKey(name)) {
                value = format(values.get(name), multi.get(name));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String builtin(String name) {
        long rangeMs = Duration.between(start, end).toMillis();
        return switch (name) {
            case "__interval" -> interval.toSeconds() + "s";
            case "__interval_ms" -> Long.toString(interval.toMillis());
            case "__rate_interval" ->
                rateInterval.toMillis() % 1000 == 0 ? rateInterval.toSeconds() + "s" : rateInterval.toMillis() + "ms";
            case "__rate_interval_ms" -> Long.toString(rateInterval.toMillis());
            case "__range" -> (rangeMs / 1000) + "s";
            case "__range_s" -> Long.toString(rangeMs / 1000);
            case "__range_ms" -> Long.toString(rangeMs);
            default -> null;
        };
    }

    /** Grafana's Prometheus formatting: one plain value, or (a|b|c) of regex-escaped values. */
    static String format(List<String> vs, boolean multiValued) {
        if (!multiValued) {
            return vs.isEmpty() ? "" : vs.get(0);
        }
        if (vs.size() == 1) {
            return regexEscape(vs.get(0));
        }
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < vs.size(); i++) {
            b.append(i == 0 ? "" : "|").append(regexEscape(vs.get(i)));
        }
        return b.append(')').toString();
    }

    /** As Grafana's prometheusRegularEscape: a backslash-escaped regex metacharacter, doubled for the PromQL string. */
    static String regexEscape(String v) {
        StringBuilder b = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c == '\\') {
                b.append("\\\\\\\\");
            } else if ("$^*{}[]'+?.()|".indexOf(c) >= 0) {
                b.append("\\\\").append(c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
