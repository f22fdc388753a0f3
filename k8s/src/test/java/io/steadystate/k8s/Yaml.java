package io.steadystate.k8s;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Plain YAML/JSON as maps and lists, plus null-safe navigation of such trees. */
final class Yaml {

    static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private Yaml() {}

    /** Every non-empty document of a (multi-document) YAML text. */
    static List<Map<String, Object>> documents(String text) {
        try (var parser = YAML.getFactory().createParser(text)) {
            List<Map<String, Object>> docs = new ArrayList<>();
            var it = YAML.readValues(parser, new TypeReference<LinkedHashMap<String, Object>>() {});
            while (it.hasNext()) {
                Map<String, Object> doc = it.next();
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> documents(Path file) {
        return documents(read(file));
    }

    static Map<String, Object> json(Path file) {
        try {
            return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Follows keys (String) and list indexes (Integer); null when any step is missing. */
    static Object at(Object node, Object... path) {
        Object cur = node;
        for (Object step : path) {
            if (cur instanceof Map<?, ?> m && step instanceof String key) {
                cur = m.get(key);
            } else if (cur instanceof List<?> l && step instanceof Integer i) {
                cur = i < l.size() ? l.get(i) : null;
            } else {
                return null;
            }
        }
        return cur;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, Object... path) {
        Object v = at(node, path);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, Object... path) {
        Object v = at(node, path);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node, Object... path) {
        return list(node, path).stream()
                .filter(Map.class::isInstance)
                .map(o -> (Map<String, Object>) o)
                .toList();
    }

    static String str(Object node, Object... path) {
        Object v = at(node, path);
        return v == null ? null : String.valueOf(v);
    }

    static Map<String, String> strings(Object node, Object... path) {
        Map<String, String> out = new LinkedHashMap<>();
        map(node, path).forEach((k, v) -> out.put(k, Objects.toString(v, null)));
        return out;
    }

    /** Deep copy through JSON, for tests that break a rendered manifest on purpose. */
    static List<Map<String, Object>> deepCopy(List<Map<String, Object>> docs) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(docs), new TypeReference<List<Map<String, Object>>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
