package io.steadystate.soak.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadystate.soak.report.ReportFiles;
import io.steadystate.soak.stack.ServiceId;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The typed counters against report.json as builds before them wrote it: {@code ./soak report DIR} re-judges stored
 * runs, so the {@code counters} object must read back and be written with the same keys and values.
 */
class CountersTest {

    /** Three services of one sample of a chaos run's report.json, written when the counters were a string map. */
    private static final String STORED = "/sampling/service-samples-string-keyed.json";

    private final ObjectMapper json = ReportFiles.mapper();

    @Test
    void aSampleStoredWithStringKeysReadsIntoTypedCounters() throws Exception {
        List<ServiceSample> stored = read();
        ServiceSample market = stored.get(0);
        ServiceSample order = stored.get(2);
        assertThat(market.counter(Counter.TICKS_PUBLISHED)).isEqualTo(112125.0);
        assertThat(market.counter(Counter.LISTINGS)).isEqualTo(64.0);
        assertThat(market.counter(Counter.TICKS_PROCESSED))
                .as("not market-data's counter")
                .isNull();
        assertThat(stored.get(1).counter(Counter.SIGNALS)).isEqualTo(0.0);
        assertThat(order.counter(Counter.SIGNALS_PROCESSED)).isEqualTo(1744.0);
        assertThat(order.counter(Counter.OPEN_POSITIONS)).isEqualTo(27.0);
        assertThat(order.rejects())
                .containsEntry("slot_busy", 1030.0)
                .containsEntry("rate_limit", 0.0)
                .hasSize(6);
        assertThat(order.counters().other()).isEmpty();
    }

    @Test
    void rewritingAStoredSampleGivesTheSameJson() throws Exception {
        JsonNode before = tree();
        JsonNode after = json.readTree(json.writeValueAsString(read()));
        assertThat(after).isEqualTo(before); // same keys and values (object equality ignores key order)
        for (int i = 0; i < before.size(); i++) {
            assertThat(names(after.get(i).get("counters")))
                    .containsExactlyInAnyOrderElementsOf(names(before.get(i).get("counters")));
        }
    }

    @Test
    void aKeyThisBuildDoesNotKnowSurvivesARewrite() throws Exception {
        Counters c = json.readValue("{\"ticksPublished\": 5.0, \"ordersRouted\": 7.0}", Counters.class);
        assertThat(c.get(Counter.TICKS_PUBLISHED)).isEqualTo(5.0);
        assertThat(c.other()).containsExactly(Map.entry("ordersRouted", 7.0));
        assertThat(json.readTree(json.writeValueAsString(c)))
                .isEqualTo(json.readTree("{\"ticksPublished\": 5.0, \"ordersRouted\": 7.0}"));
    }

    /** The names are report.json's contract: pinned here as strings on purpose, so a rename fails this test. */
    @Test
    void sampledCountersAreWrittenUnderTheKeysOlderBuildsUsed() throws Exception {
        MetricSnapshot order = PrometheusText.parse("""
                steadystate_order_ticks_processed_total 10
                steadystate_order_signals_processed_total{outcome="accepted"} 3
                steadystate_order_signals_processed_total{outcome="rejected"} 2
                steadystate_order_open_positions 1
                steadystate_order_rejects_total{reason="slot_busy"} 2
                steadystate_dead_letters_total{topic="market.events"} 0
                steadystate_fault_leaked_objects 0
                steadystate_marketdata_events_published_total{type="tick"} 99
                """);
        assertThat(names(json.valueToTree(Sampler.counters(ServiceId.ORDER, order))))
                .containsExactly(
                        "ticksProcessed",
                        "signalsProcessed",
                        "deadLetters",
                        "signalsAccepted",
                        "signalsRejected",
                        "openPositions",
                        "faultLeakedObjects",
                        "reject:slot_busy");
        assertThat(Sampler.counters(ServiceId.ORDER, order).get(Counter.SIGNALS_PROCESSED))
                .isEqualTo(5.0);

        MetricSnapshot strategy = PrometheusText.parse("""
                steadystate_strategy_ticks_processed_total 10
                steadystate_strategy_signals_total{strategy="rally"} 4
                steadystate_strategy_signals_total{strategy="mean"} 1
                steadystate_dead_letters_total 0
                """);
        Counters s = Sampler.counters(ServiceId.STRATEGY, strategy);
        assertThat(names(json.valueToTree(s))).containsExactly("ticksProcessed", "signals", "deadLetters");
        assertThat(s.get(Counter.SIGNALS)).as("summed over its tags").isEqualTo(5.0);
        assertThat(s.rejects()).as("order-service's family only").isEmpty();
    }

    @Test
    void listingsAreListedPlusDelistedAndAMissingDelistingCountsAsZero() {
        MetricSnapshot before = PrometheusText.parse("""
                steadystate_marketdata_events_published_total{type="tick"} 100
                steadystate_marketdata_events_published_total{type="listed"} 4
                steadystate_marketdata_publish_errors_total 0
                """);
        Counters c = Sampler.counters(ServiceId.MARKET_DATA, before);
        assertThat(c.get(Counter.LISTINGS)).isEqualTo(4.0);
        assertThat(c.get(Counter.EVENTS_PUBLISHED)).isEqualTo(104.0);
        assertThat(c.get(Counter.TICKS_PUBLISHED)).isEqualTo(100.0);
        assertThat(Sampler.counters(ServiceId.MARKET_DATA, PrometheusText.parse("""
                steadystate_marketdata_events_published_total{type="listed"} 4
                steadystate_marketdata_events_published_total{type="delisted"} 1
                """))
                        .get(Counter.LISTINGS))
                .isEqualTo(5.0);
        assertThat(Sampler.counters(ServiceId.MARKET_DATA, PrometheusText.parse("""
                steadystate_marketdata_events_published_total{type="tick"} 100
                """))
                        .get(Counter.LISTINGS))
                .as("neither series yet: not measured")
                .isNull();
    }

    private List<ServiceSample> read() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(STORED)) {
            return json.readValue(in, new TypeReference<List<ServiceSample>>() {});
        }
    }

    private JsonNode tree() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(STORED)) {
            return json.readTree(in);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
