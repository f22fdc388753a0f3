package io.steadystate.k8s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields Grafana needs to import and render a dashboard JSON model (uid, title, schemaVersion, time,
 * templating, panels with id/type/title/gridPos, datasource and targets with refId/expr), plus what our
 * dashboards promise: namespace/service variables, every variable used is defined, no overlapping panels.
 */
final class DashboardChecks {

    static final Set<String> VARIABLE_TYPES =
            Set.of("query", "datasource", "custom", "constant", "interval", "textbox", "adhoc");
    static final Set<String> BUILTINS = Set.of(
            "__rate_interval",
            "__interval",
            "__interval_ms",
            "__range",
            "__range_s",
            "__range_ms",
            "__dashboard",
            "__from",
            "__to");
    private static final Pattern VAR = Pattern.compile("\\$\\{?([a-zA-Z_][a-zA-Z0-9_]*)");

    private DashboardChecks() {}

    static List<String> check(String name, Map<String, Object> d) {
        List<String> p = new ArrayList<>();
        String uid = Yaml.str(d, "uid");
        if (uid == null || !uid.matches("[a-zA-Z0-9_-]{1,40}")) {
            p.add(name + ": uid must be 1-40 characters [a-zA-Z0-9_-] (got " + uid + ")");
        }
        if (Yaml.str(d, "title") == null || Yaml.str(d, "title").isBlank()) {
            p.add(name + ": title is required");
        }
        if (!(d.get("schemaVersion") instanceof Integer v) || v < 30) {
            p.add(name + ": schemaVersion must be an integer >= 30 (got " + d.get("schemaVersion") + ")");
        }
        if (Yaml.str(d, "time", "from") == null || Yaml.str(d, "time", "to") == null) {
            p.add(name + ": time.from and time.to are required");
        }
        if (!(d.get("panels") instanceof List<?> panels) || panels.isEmpty()) {
            p.add(name + ": panels must be a non-empty list");
        }
        if (!(Yaml.at(d, "templating", "list") instanceof List<?>)) {
            p.add(name + ": templating.list is required");
        }
        Set<String> vars = new HashSet<>(BUILTINS);
        for (Map<String, Object> v : Yaml.maps(d, "templating", "list")) {
            String vn = Yaml.str(v, "name");
            vars.add(vn);
            if (vn == null || !VARIABLE_TYPES.contains(Yaml.str(v, "type"))) {
                p.add(name + ": variable " + vn + " needs a name and a type in " + VARIABLE_TYPES);
            }
            if ("query".equals(v.get("type"))) {
                Object q = v.get("query");
                String query = q instanceof Map<?, ?> ? Yaml.str(q, "query") : (q == null ? null : String.valueOf(q));
                if (query == null || query.isBlank() || !(v.get("datasource") instanceof Map)) {
                    p.add(name + ": query variable " + vn + " needs a datasource and a query");
                }
            }
        }
        for (String required : List.of("datasource", "namespace", "service")) {
            if (!vars.contains(required)) {
                p.add(name + ": variable $" + required + " is required");
            }
        }
        Set<Integer> ids = new HashSet<>();
        List<int[]> boxes = new ArrayList<>();
        panels(name, Yaml.maps(d, "panels"), vars, ids, boxes, p);
        for (Map<String, Object> v : Yaml.maps(d, "templating", "list")) {
            Object q = v.get("query");
            usedVariables(
                    q instanceof Map<?, ?> ? Yaml.str(q, "query") : String.valueOf(q),
                    vars,
                    name + " variable " + v.get("name"),
                    p);
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                int[] a = boxes.get(i);
                int[] b = boxes.get(j);
                if (a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]) {
                    p.add(name + ": panels " + a[4] + " and " + b[4] + " overlap");
                }
            }
        }
        return p;
    }

    private static void panels(
            String name,
            List<Map<String, Object>> panels,
            Set<String> vars,
            Set<Integer> ids,
            List<int[]> boxes,
            List<String> p) {
        for (Map<String, Object> panel : panels) {
            String pid = name + " panel " + panel.get("id") + " '" + panel.get("title") + "'";
            if (!(panel.get("id") instanceof Integer id) || !ids.add(id)) {
                p.add(pid + ": id must be a unique integer");
            }
            if (Yaml.str(panel, "type") == null) {
                p.add(pid + ": type is required");
            }
            if (Yaml.str(panel, "title") == null) {
                p.add(pid + ": title is required");
            }
            Map<String, Object> g = Yaml.map(panel, "gridPos");
            if (!(g.get("h") instanceof Integer h
                    && g.get("w") instanceof Integer w
                    && g.get("x") instanceof Integer x
                    && g.get("y") instanceof Integer y
                    && h > 0
                    && w > 0
                    && x >= 0
                    && x + w <= 24)) {
                p.add(pid + ": gridPos needs integers h, w, x, y with x + w <= 24 (got " + g + ")");
            } else {
                boxes.add(new int[] {
                    (Integer) g.get("x"),
                    (Integer) g.get("y"),
                    (Integer) g.get("w"),
                    (Integer) g.get("h"),
                    panel.get("id") instanceof Integer i ? i : -1
                });
            }
            if ("row".equals(panel.get("type"))) {
                panels(name, Yaml.maps(panel, "panels"), vars, ids, boxes, p);
                continue;
            }
            if (Yaml.str(panel, "datasource", "type") == null || Yaml.str(panel, "datasource", "uid") == null) {
                p.add(pid + ": datasource {type, uid} is required");
            } else {
                usedVariables(Yaml.str(panel, "datasource", "uid"), vars, pid + " datasource", p);
            }
            List<Map<String, Object>> targets = Yaml.maps(panel, "targets");
            if (targets.isEmpty()) {
                p.add(pid + ": targets must be a non-empty list");
            }
            Set<String> refIds = new HashSet<>();
            for (Map<String, Object> t : targets) {
                String expr = Yaml.str(t, "expr");
                if (Yaml.str(t, "refId") == null || !refIds.add(Yaml.str(t, "refId"))) {
                    p.add(pid + ": every target needs a unique refId");
                }
                if (expr == null || expr.isBlank()) {
                    p.add(pid + ": target " + t.get("refId") + " has no expr");
                    continue;
                }
                if (!balanced(expr)) {
                    p.add(pid + ": target " + t.get("refId") + " has unbalanced brackets: " + expr);
                }
                usedVariables(expr, vars, pid + " target " + t.get("refId"), p);
            }
        }
    }

    private static void usedVariables(String text, Set<String> vars, String where, List<String> p) {
        if (text == null) {
            return;
        }
        Matcher m = VAR.matcher(text);
        while (m.find()) {
            if (!vars.contains(m.group(1))) {
                p.add(where + ": uses undefined variable $" + m.group(1));
            }
        }
    }

    static boolean balanced(String expr) {
        String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "");
        java.util.ArrayDeque<Character> stack = new java.util.ArrayDeque<>();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '(', '{', '[' -> stack.push(c);
                case ')', '}', ']' -> {
                    char open = c == ')' ? '(' : c == '}' ? '{' : '[';
                    if (stack.isEmpty() || stack.pop() != open) {
                        return false;
                    }
                }
                default -> {}
            }
        }
        return stack.isEmpty();
    }
}
