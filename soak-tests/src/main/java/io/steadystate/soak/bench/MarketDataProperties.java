package io.steadystate.soak.bench;

import io.steadystate.soak.stack.RunFailure;
import io.steadystate.soak.stack.ServiceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * market-data-service's configuration as the JVM the bench launches resolves it: the {@code application.properties}
 * inside the service's own app jar, {@code %prod.} keys over plain ones, then the system properties the bench sets
 * on that JVM (they win in Quarkus too). One source for the producer settings and the session hours.
 *
 * <p>A key the file does not set resolves to its default, which the file quotes as a commented line
 * ({@code #steadystate.market.producer.linger-ms=2}): market-data's {@code DefaultsAgreeTest} keeps those quotes equal
 * to {@code MarketConfig}'s {@code @WithDefault}, the one source of each default.
 */
public final class MarketDataProperties {

    private static final Pattern QUOTED_DEFAULT = Pattern.compile("^#(steadystate\\.[a-z.-]+)=(.*)$");

    private final Properties file;
    private final Properties defaults = new Properties();
    private final Map<String, String> overrides;
    private final String source;

    MarketDataProperties(String applicationProperties, Map<String, String> overrides, String source) {
        this.file = new Properties();
        try {
            file.load(new StringReader(applicationProperties));
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        }
        for (String line : applicationProperties.split("\\R")) {
            Matcher m = QUOTED_DEFAULT.matcher(line.strip());
            if (m.matches()) {
                defaults.setProperty(m.group(1), m.group(2));
            }
        }
        this.overrides = Map.copyOf(overrides);
        this.source = source;
    }

    /** From the app jar under {@code appsRoot} (the bench's snapshot of the services, or the repo). */
    public static MarketDataProperties load(Path appsRoot, Map<String, String> overrides) {
        Path app = appsRoot.resolve(ServiceId.MARKET_DATA.module()).resolve("target/quarkus-app/app");
        try (Stream<Path> jars = Files.list(app)) {
            Path jar = jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new RunFailure("no market-data-service jar in " + app));
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                var entry = zip.getEntry("application.properties");
                if (entry == null) {
                    throw new RunFailure(jar + " has no application.properties");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    return new MarketDataProperties(
                            new String(in.readAllBytes(), StandardCharsets.UTF_8),
                            overrides,
                            jar.getFileName() + "!/application.properties");
                }
            }
        } catch (IOException e) {
            throw new RunFailure(
                    "could not read market-data-service's configuration from " + app + ": " + e.getMessage(), e);
        }
    }

    /** The value the service resolves, stripped; null when neither the file nor the bench sets it. */
    public String get(String key) {
        String v = overrides.getOrDefault(
                key, file.getProperty("%prod." + key, file.getProperty(key, defaults.getProperty(key))));
        return v == null ? null : v.strip();
    }

    public String source() {
        return source;
    }

    /** Session hours (UTC, simulated time); MarketConfig's defaults 09:30–16:00 when unset. */
    public LocalTime sessionOpen() {
        String v = get("steadystate.market.session-open");
        return v == null ? LocalTime.of(9, 30) : LocalTime.parse(v);
    }

    public LocalTime sessionClose() {
        String v = get("steadystate.market.session-close");
        return v == null ? LocalTime.of(16, 0) : LocalTime.parse(v);
    }
}
