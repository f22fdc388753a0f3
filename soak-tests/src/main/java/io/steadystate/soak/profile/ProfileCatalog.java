package io.steadystate.soak.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The named profiles of {@code profiles.yaml} (on the classpath, or a file given with {@code --profiles}). */
public final class ProfileCatalog {

    public static final String RESOURCE = "/profiles.yaml";

    private final Map<String, Profile> profiles;
    private final String defaultName;
    /** Per profile, its {@code chaos:} spec (a chaos plan, see ChaosPlan) when it declares one. */
    private final Map<String, String> chaos;

    private ProfileCatalog(Map<String, Profile> profiles, String defaultName, Map<String, String> chaos) {
        this.profiles = profiles;
        this.defaultName = defaultName;
        this.chaos = chaos;
    }

    public static ProfileCatalog builtIn() {
        try (InputStream in = ProfileCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ProfileCatalog fromFile(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read profiles from " + file, e);
        }
    }

    public static ProfileCatalog parse(String yaml) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("profiles are not valid YAML: " + e.getMessage(), e);
        }
        JsonNode list = root == null ? null : root.get("profiles");
        if (list == null || !list.isObject() || list.isEmpty()) {
            throw new IllegalArgumentException("profiles file has no 'profiles:' section");
        }
        Map<String, Profile> byName = new LinkedHashMap<>();
        Map<String, String> chaos = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                byName.put(e.getKey(), profile(e.getKey(), e.getValue()));
                if (e.getValue().hasNonNull("chaos")) {
                    chaos.put(e.getKey(), e.getValue().get("chaos").asText());
                }
            } catch (RuntimeException bad) {
                throw new IllegalArgumentException("profile '" + e.getKey() + "': " + bad.getMessage(), bad);
            }
        }
        String def =
                root.path("defaultProfile").asText(byName.keySet().iterator().next());
        if (!byName.containsKey(def)) {
            throw new IllegalArgumentException("defaultProfile '" + def + "' is not defined");
        }
        return new ProfileCatalog(Map.copyOf(byName), def, Map.copyOf(chaos));
    }

    private static Profile profile(String name, JsonNode n) {
        JsonNode api = n.path("orderApi");
        JsonNode burst = n.get("burst");
        return new Profile(
                name,
                n.path("description").asText(""),
                duration(n, "duration"),
                required(n, "symbols").asInt(),
                required(n, "ticksPerSymbolPerSecond").asDouble(),
                required(n, "speed").asDouble(),
                n.path("maxTicksPerSecond").asLong(0),
                n.path("churnPerDay").asDouble(0),
                new Profile.OrderApiLoad(
                        api.path("users").asInt(0),
                        api.path("rps").asDouble(0),
                        api.hasNonNull("p99") ? duration(api, "p99") : null),
                burst == null || burst.isNull()
                        ? null
                        : new Profile.Burst(
                                duration(burst, "every"),
                                required(burst, "factor").asDouble(),
                                duration(burst, "length")),
                duration(n, "sampleInterval"),
                n.path("warmupFraction").asDouble(0.2),
                n.path("budgetMbPerDay").asDouble(1.0),
                n.path("rssBudgetMbPerDay").asDouble(8.0),
                n.path("heap").asText("256m"),
                io.steadystate.soak.verdict.Workload.parse(n.path("workload").asText("")));
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return v;
    }

    private static Duration duration(JsonNode n, String field) {
        return DurationText.parse(required(n, field).asText());
    }

    public Profile get(String name) {
        Profile p = profiles.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no profile '" + name + "'; known: " + names());
        }
        return p;
    }

    /** The profile's {@code chaos:} spec, if it declares one (e.g. the {@code chaos} profile). */
    public java.util.Optional<String> chaos(String name) {
        return java.util.Optional.ofNullable(chaos.get(name));
    }

    public Profile defaultProfile() {
        return profiles.get(defaultName);
    }

    public String defaultName() {
        return defaultName;
    }

    /** In file order would need the map's order; sorted by duration then name reads best in a listing. */
    public List<String> names() {
        return profiles.values().stream()
                .sorted(java.util.Comparator.comparing(Profile::duration).thenComparing(Profile::name))
                .map(Profile::name)
                .toList();
    }
}
