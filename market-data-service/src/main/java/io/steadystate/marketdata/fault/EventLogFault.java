package io.steadystate.marketdata.fault;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.state.Bounded;
import io.steadystate.marketdata.config.FaultConfig;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Leak fault {@code event-log} (docs/CONTRACTS.md): a positive control for the soak harness. When
 * {@code steadystate.fault.mode=event-log}, every published event is kept in a list "for replay" that nothing
 * ever trims — the kind of leak the harness must call LEAK on. Off by default; then {@link #record} returns
 * at once and the list stays empty.
 *
 * <p>{@code steadystate.fault.rate} objects are kept per event: the event itself, plus fresh decoded copies
 * when the rate is above 1 (so a higher rate leaks more real objects, not just more references).
 */
// @Singleton, not @ApplicationScoped: a client proxy would create the meters on first use, not at start-up
@Singleton
public class EventLogFault {

    public static final String MODE = "event-log";
    private static final Logger LOG = Logger.getLogger(EventLogFault.class);

    private final boolean active;
    private final int rate;
    private final MarketEventSerde serde = new MarketEventSerde();
    @Bounded("fault injection: unbounded on purpose, off by default")
    private final List<MarketEvent> log = new ArrayList<>();

    @Inject
    public EventLogFault(FaultConfig config, MeterRegistry registry) {
        this(config.mode(), config.rate(), registry);
    }

    public EventLogFault(String configuredMode, int rate, MeterRegistry registry) {
        String mode = configuredMode.trim().toLowerCase(Locale.ROOT);
        this.active = MODE.equals(mode);
        this.rate = rate;
        if (!active && !"none".equals(mode)) {
            // the harness may set one mode for the whole stack: another service's fault is not an error here
            LOG.warnf("steadystate.fault.mode=%s is not a fault of market-data-service (only '%s'); no fault active",
                    configuredMode, MODE);
        }
        if (active) {
            LOG.warnf("LEAK FAULT ACTIVE: %s keeps every published event (%d object(s) per event)", MODE, rate);
        }
        Gauge.builder("steadystate.fault.active", this, f -> f.active ? 1 : 0)
                .description("1 when a leak fault is switched on").register(registry);
        Gauge.builder("steadystate.fault.leaked.objects", this, EventLogFault::leakedObjects)
                .description("Objects held by the active leak fault").register(registry);
    }

    public boolean active() {
        return active;
    }

    /** Called for every event sent; a no-op unless the fault is on. */
    public void record(MarketEvent event) {
        if (!active) {
            return;
        }
        synchronized (log) {
            log.add(event);
            for (int i = 1; i < rate; i++) {
                log.add(serde.decode(serde.encode(event)));
            }
        }
    }

    public int leakedObjects() {
        synchronized (log) {
            return log.size();
        }
    }
}
