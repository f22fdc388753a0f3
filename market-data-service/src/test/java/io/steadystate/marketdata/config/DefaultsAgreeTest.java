package io.steadystate.marketdata.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One source per default: {@code @WithDefault} in {@link MarketConfig}. application.properties and the README
 * only quote them; this fails when a quote drifts (as linger did: 10 in the code, 2 in the properties, 10 in
 * the README), and when application.properties sets a market key outside a profile (a second source).
 */
class DefaultsAgreeTest {

    @Test
    void applicationPropertiesQuotesTheDefaultsAndSetsNoMarketKeyOfItsOwn() throws IOException {
        Map<String, String> defaults = defaults();
        int quoted = 0;
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            assertThat(line).as("a default lives in MarketConfig only").doesNotStartWith("steadystate.market.");
            Matcher m =
                    Pattern.compile("^#(steadystate\\.market\\.[a-z.-]+)=(.*)$").matcher(line);
            if (m.matches() && defaults.containsKey(m.group(1))) {
                assertThat(m.group(2)).as(m.group(1)).isEqualTo(defaults.get(m.group(1)));
                quoted++;
            }
        }
        assertThat(quoted).isEqualTo(defaults.size());
    }

    @Test
    void theReadmeQuotesTheDefaults() throws IOException {
        Map<String, String> defaults = defaults();
        String readme = Files.readString(Path.of("README.md"));
        String section =
                readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## State and its bounds"));
        int quoted = 0;
        Matcher m = Pattern.compile("`([a-z.-]+)` \\(([^)]*)\\)").matcher(section);
        while (m.find()) {
            String key = "steadystate.market." + m.group(1);
            if (defaults.containsKey(key)) {
                String value = m.group(2).split("[ |]")[0];
                assertThat(value).as(key).isEqualTo(defaults.get(key));
                quoted++;
            }
        }
        assertThat(quoted).as("keys with a default quoted in the README").isGreaterThanOrEqualTo(16);
    }

    /** {@code steadystate.market.<kebab-case path>} → its {@code @WithDefault}, nested groups included. */
    static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        collect(MarketConfig.class, "steadystate.market.", defaults);
        assertThat(defaults).containsKey("steadystate.market.producer.linger-ms");
        return defaults;
    }

    private static void collect(Class<?> group, String prefix, Map<String, String> into) {
        for (Method method : group.getDeclaredMethods()) {
            String key = prefix
                    + method.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
            WithDefault value = method.getAnnotation(WithDefault.class);
            if (value != null) {
                into.put(key, value.value());
            } else if (method.getReturnType().isInterface()
                    && method.getReturnType().getEnclosingClass() == MarketConfig.class) {
                collect(method.getReturnType(), key + ".", into);
            }
        }
    }
}
