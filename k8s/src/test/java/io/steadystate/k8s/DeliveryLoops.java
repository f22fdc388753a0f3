package io.steadystate.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service-kit delivery loops a service's main sources build, read from each {@code new DeliverySettings(…)}:
 * argument 3 is the consumer group, 4 the input topics, 5 the output topics (as {@code List.of(Topics.X, …)} or a
 * {@code NAME.TOPICS} list constant declared in the sources). A group written as a concatenation whose tail is only
 * known at run time ({@code SERVICE + "-params-" + UUID.randomUUID()}) is a prefix; one passed in from elsewhere
 * ({@code s.groupId()}) resolves to the {@code GROUP} constant declared beside the call.
 */
record DeliveryLoops(Set<String> inputs, Set<String> outputs, Set<String> groups, Set<String> groupPrefixes) {

    private static final Pattern TOPIC = Pattern.compile("\\bTopics\\.([A-Z][A-Z_]*)\\b");
    private static final Pattern LITERAL = Pattern.compile("^\"([^\"]*)\"$");
    private static final Pattern IDENT = Pattern.compile("^(?:[A-Za-z_][A-Za-z0-9_]*\\.)?([A-Z][A-Z0-9_]*)$");

    static DeliveryLoops read(Path mainJava, Map<String, String> topicConstants) {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(mainJava)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.add(Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DeliveryLoops out = new DeliveryLoops(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        for (String src : sources) {
            int at = 0;
            while ((at = src.indexOf("new DeliverySettings(", at)) >= 0) {
                at += "new DeliverySettings(".length();
                List<String> args = arguments(src, at);
                if (args.size() < 5) {
                    continue;
                }
                out.inputs.addAll(topics(args.get(3), topicConstants, sources));
                out.outputs.addAll(topics(args.get(4), topicConstants, sources));
                group(args.get(2), src, sources, out);
            }
        }
        return out;
    }

    /** Top-level comma-separated arguments of the call whose '(' ends just before {@code from}. */
    static List<String> arguments(String src, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    args.add(cur.toString().trim());
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(cur.toString().trim());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        return args;
    }

    private static Set<String> topics(String arg, Map<String, String> topicConstants, List<String> sources) {
        Set<String> out = new TreeSet<>();
        Matcher ident = IDENT.matcher(arg);
        if (ident.matches()) { // a list constant such as KafkaOrderPublisher.TOPICS
            Pattern decl = Pattern.compile("\\b" + ident.group(1) + "\\s*=\\s*List\\.of\\(([^;]*)\\);");
            for (String src : sources) {
                Matcher d = decl.matcher(src);
                if (d.find()) {
                    arg = d.group(1);
                    break;
                }
            }
        }
        Matcher m = TOPIC.matcher(arg);
        while (m.find()) {
            if (topicConstants.containsKey(m.group(1))) {
                out.add(topicConstants.get(m.group(1)));
            }
        }
        return out;
    }

    private static void group(String arg, String src, List<String> sources, DeliveryLoops out) {
        StringBuilder known = new StringBuilder();
        for (String part : arg.split("\\+")) {
            String value = value(part.trim(), sources);
            if (value == null) {
                if (known.length() > 0) {
                    out.groupPrefixes.add(known.toString());
                } else {
                    String local = constant("GROUP", List.of(src));
                    if (local != null) {
                        out.groups.add(local);
                    }
                }
                return;
            }
            known.append(value);
        }
        out.groups.add(known.toString());
    }

    private static String value(String expr, List<String> sources) {
        Matcher lit = LITERAL.matcher(expr);
        if (lit.matches()) {
            return lit.group(1);
        }
        Matcher ident = IDENT.matcher(expr);
        return ident.matches() ? constant(ident.group(1), sources) : null;
    }

    private static String constant(String name, List<String> sources) {
        Pattern decl = Pattern.compile("\\bString\\s+" + name + "\\s*=\\s*\"([^\"]*)\"\\s*;");
        for (String src : sources) {
            Matcher d = decl.matcher(src);
            if (d.find()) {
                return d.group(1);
            }
        }
        return null;
    }
}
