package io.steadystate.k8s;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metric names referenced by PromQL expressions (and Grafana's label_values()), and where the queries live. */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan",
            "atan2",
            "start",
            "end");
    private static final Pattern LABEL_VALUES = Pattern.compile(
            "label_values\\(\\s*(?:([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*})?\\s*,)?\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)");
    private static final Pattern IDENT = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQl() {}

    static Set<String> metricNames(String expr) {
        String s = expr;
        Matcher lv = LABEL_VALUES.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (lv.find()) {
            lv.appendReplacement(sb, lv.group(1) == null ? " " : lv.group(1));
        }
        lv.appendTail(sb);
        s = sb.toString()
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ")
                .replaceAll("'(?:[^'\\\\]|\\\\.)*'", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$\\{?[a-zA-Z_][a-zA-Z0-9_]*}?", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENT.matcher(s);
        while (m.find()) {
            String id = m.group();
            int before = m.start() - 1;
            if (before >= 0 && (Character.isDigit(s.charAt(before)) || s.charAt(before) == '.')) {
                continue; // exponent or duration unit
            }
            int after = m.end();
            while (after < s.length() && Character.isWhitespace(s.charAt(after))) {
                after++;
            }
            if (after < s.length() && s.charAt(after) == '(') {
                continue; // function or aggregation
            }
            if (!KEYWORDS.contains(id.toLowerCase())) {
                names.add(id);
            }
        }
        return names;
    }

    /** Every PromQL expression of a Grafana dashboard: panel targets (rows included) and query variables. */
    static List<String> dashboardQueries(Map<String, Object> dashboard) {
        List<String> out = new ArrayList<>();
        collectPanels(Yaml.maps(dashboard, "panels"), out);
        for (Map<String, Object> v : Yaml.maps(dashboard, "templating", "list")) {
            if ("query".equals(v.get("type"))) {
                Object q = v.get("query");
                out.add(q instanceof Map<?, ?> ? Yaml.str(q, "query") : String.valueOf(q));
            }
        }
        return out;
    }

    private static void collectPanels(List<Map<String, Object>> panels, List<String> out) {
        for (Map<String, Object> p : panels) {
            Yaml.maps(p, "targets").forEach(t -> out.add(Yaml.str(t, "expr")));
            collectPanels(Yaml.maps(p, "panels"), out);
        }
    }

    /** Every rule expression of a Prometheus rules file (groups[].rules[].expr). */
    static List<String> ruleExpressions(Map<String, Object> rulesFileOrSpec) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> g : Yaml.maps(rulesFileOrSpec, "groups")) {
            Yaml.maps(g, "rules").forEach(r -> out.add(Yaml.str(r, "expr")));
        }
        return out;
    }

    /** Metric names of every dashboard and rule we ship, each with where it is used. */
    static Map<String, Set<String>> shippedReferences() {
        Map<String, Set<String>> uses = new java.util.TreeMap<>();
        for (var file : K8sDir.dashboards()) {
            for (String q : dashboardQueries(Yaml.json(file))) {
                metricNames(q)
                        .forEach(n -> uses.computeIfAbsent(n, x -> new LinkedHashSet<>())
                                .add(file.getFileName().toString()));
            }
        }
        for (String q : ruleExpressions(Yaml.documents(K8sDir.rulesFile()).get(0))) {
            metricNames(q)
                    .forEach(n ->
                            uses.computeIfAbsent(n, x -> new LinkedHashSet<>()).add("steadystate.rules.yml"));
        }
        return uses;
    }
}
