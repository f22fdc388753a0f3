package io.steadystate.soak.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * market-data-service's producer settings as the running service has them ({@link MarketDataProperties}), so the
 * raw "market-data settings" run and the null pipeline's producer use them and the table labels them — read, not
 * copied. A key the file does not set is left to Kafka's default and named in {@link #unset()} (MarketConfig's
 * {@code @WithDefault} is in the service's classes, which the harness does not load).
 *
 * <p>acks=all and idempotence are what {@code MarketEventPublisher.createProducer} sets in code (and Kafka 4.x's
 * defaults); they are added here so the null producer states them explicitly.
 */
public record MarketProducerSettings(Map<String, String> kafka, List<String> unset, String source) {

    /** steadystate.market.producer.* key → Kafka producer config key. */
    static final Map<String, String> KEYS = Map.of(
            "steadystate.market.producer.linger-ms", "linger.ms",
            "steadystate.market.producer.batch-size", "batch.size",
            "steadystate.market.producer.compression-type", "compression.type");

    private static final List<String> ORDER = List.of("linger.ms", "batch.size", "compression.type");

    public MarketProducerSettings {
        kafka = Map.copyOf(kafka);
        unset = List.copyOf(unset);
    }

    /** market-data's producer settings out of its resolved properties. */
    public static MarketProducerSettings of(MarketDataProperties properties) {
        Map<String, String> kafka = new LinkedHashMap<>();
        kafka.put("acks", "all");
        kafka.put("enable.idempotence", "true");
        List<String> unset = new ArrayList<>();
        for (String kafkaKey : ORDER) {
            String key = KEYS.entrySet().stream()
                    .filter(e -> e.getValue().equals(kafkaKey))
                    .findFirst()
                    .orElseThrow()
                    .getKey();
            String value = properties.get(key);
            if (value == null) {
                unset.add(key);
            } else {
                kafka.put(kafkaKey, value);
            }
        }
        return new MarketProducerSettings(kafka, unset, properties.source());
    }

    /** "linger.ms=2, batch.size=262144, compression.type=none" (what the table prints). */
    public String label() {
        return label(kafka);
    }

    /** The label of settings as bench.json holds them ({@code settings.marketDataProducer}). */
    public static String label(Map<String, String> kafka) {
        if (kafka == null || kafka.isEmpty()) {
            return "not read";
        }
        StringBuilder b = new StringBuilder();
        for (String k : ORDER) {
            if (kafka.containsKey(k)) {
                b.append(b.isEmpty() ? "" : ", ").append(k).append('=').append(kafka.get(k));
            }
        }
        return b.toString();
    }

    /** As ProducerPerformance {@code --command-property} arguments. */
    public String[] commandProperties() {
        return kafka.entrySet().stream()
                .map(e -> e.getKey() + '=' + e.getValue())
                .sorted()
                .toArray(String[]::new);
    }
}
