package io.steadystate.marketdata.fault;

import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.state.Bounded;
import io.steadystate.kit.fault.FaultConfig;
import io.steadystate.kit.fault.FaultSwitch;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
        // another service's mode is logged and ignored by the kit's switch: one setting may go to the whole stack
        FaultSwitch fault = new FaultSwitch("market-data-service", Set.of(MODE), configuredMode, rate);
        this.active = fault.active();
        this.rate = fault.rate();
        fault.bindGauges(registry, this, EventLogFault::leakedObjects);
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
