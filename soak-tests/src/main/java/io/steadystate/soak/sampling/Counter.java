package io.steadystate.soak.sampling;

import static io.steadystate.soak.stack.ServiceId.MARKET_DATA;
import static io.steadystate.soak.stack.ServiceId.ORDER;
import static io.steadystate.soak.stack.ServiceId.STRATEGY;

import io.steadystate.soak.stack.ServiceId;
import java.util.List;
import java.util.Map;

/**
 * The accounting counters of CONTRACTS.md "Soak accounting": what the harness reads from each service, and where.
 * This enum is the sampler's whole table — a counter's stable name in report.json ({@link #jsonName()}, never
 * renamed: {@code ./soak report DIR} re-judges runs stored by older builds) and, per service, the Prometheus series
 * it is summed from. The per-reason rejects are not constants (the reasons are order-service's label values, an open
 * set): see {@link #REJECTS}.
 */
public enum Counter {
    TICKS_PUBLISHED(
            "ticksPublished",
            read(MARKET_DATA, "steadystate_marketdata_events_published_total", Map.of("type", "tick"))),
    EVENTS_PUBLISHED("eventsPublished", read(MARKET_DATA, "steadystate_marketdata_events_published_total", Map.of())),
    /** Listed + delisted: no delisting so far counts as 0, both series missing as not measured. */
    LISTINGS(
            "listings",
            read(
                    MARKET_DATA,
                    "steadystate_marketdata_events_published_total",
                    Map.of("type", "listed"),
                    Map.of("type", "delisted"))),
    PUBLISH_ERRORS("publishErrors", read(MARKET_DATA, "steadystate_marketdata_publish_errors_total", Map.of())),
    TICKS_PROCESSED(
            "ticksProcessed",
            read(STRATEGY, "steadystate_strategy_ticks_processed_total", Map.of()),
            read(ORDER, "steadystate_order_ticks_processed_total", Map.of())),
    SIGNALS("signals", read(STRATEGY, "steadystate_strategy_signals_total", Map.of())),
    SIGNALS_PROCESSED("signalsProcessed", read(ORDER, "steadystate_order_signals_processed_total", Map.of())),
    DEAD_LETTERS(
            "deadLetters",
            read(STRATEGY, "steadystate_dead_letters_total", Map.of()),
            read(ORDER, "steadystate_dead_letters_total", Map.of())),
    // order-service's business flow (chaos: steady state vs after recovery)
    SIGNALS_ACCEPTED(
            "signalsAccepted", read(ORDER, "steadystate_order_signals_processed_total", Map.of("outcome", "accepted"))),
    SIGNALS_REJECTED(
            "signalsRejected", read(ORDER, "steadystate_order_signals_processed_total", Map.of("outcome", "rejected"))),
    OPEN_POSITIONS("openPositions", read(ORDER, "steadystate_order_open_positions", Map.of())),
    FAULT_LEAKED_OBJECTS(
            "faultLeakedObjects",
            read(MARKET_DATA, "steadystate_fault_leaked_objects", Map.of()),
            read(STRATEGY, "steadystate_fault_leaked_objects", Map.of()),
            read(ORDER, "steadystate_fault_leaked_objects", Map.of()));

    /** order-service's rejects, one count per value of the {@code reason} label; stored as {@code reject:<reason>}. */
    public static final Family REJECTS = new Family(ORDER, "steadystate_order_rejects_total", "reason", "reject:");

    private final String jsonName;
    private final List<Reading> readings;

    Counter(String jsonName, Reading... readings) {
        this.jsonName = jsonName;
        this.readings = List.of(readings);
    }

    /** The key in report.json's {@code counters} object. */
    public String jsonName() {
        return jsonName;
    }

    /** This counter of one service from a scrape; null when the service has no such counter or exports none. */
    public Double readFrom(ServiceId service, MetricSnapshot m) {
        return readings.stream()
                .filter(r -> r.service() == service)
                .findFirst()
                .map(r -> r.sum(m))
                .orElse(null);
    }

    /** Each selection is a set of labels a series must carry; {@code Map.of()} selects every series of the metric. */
    @SafeVarargs
    private static Reading read(ServiceId service, String metric, Map<String, String>... selections) {
        return new Reading(service, metric, List.of(selections));
    }

    /** Σ over the selections of the series each one matches; null when no selection matches a series. */
    record Reading(ServiceId service, String metric, List<Map<String, String>> selections) {
        Double sum(MetricSnapshot m) {
            Double total = null;
            for (Map<String, String> s : selections) {
                Double v = m.sum(metric, s);
                if (v != null) {
                    total = total == null ? v : Double.valueOf(total + v);
                }
            }
            return total;
        }
    }

    /** A counter per value of one label (per-reason rejects), stored in report.json as {@code <keyPrefix><value>}. */
    public record Family(ServiceId service, String metric, String label, String keyPrefix) {
        public Map<String, Double> readFrom(ServiceId from, MetricSnapshot m) {
            return from == service ? m.byLabel(metric, label, Map.of()) : Map.of();
        }
    }
}
