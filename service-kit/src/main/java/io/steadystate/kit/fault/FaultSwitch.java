package io.steadystate.kit.fault;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jboss.logging.Logger;

/**
 * Which leak fault of a service is on, from {@code steadystate.fault.mode}, and its two gauges
 * {@code steadystate_fault_active} (1 when on) and {@code steadystate_fault_leaked_objects}. One rule for every
 * service: {@code none} is off; one of the service's own modes is on (logged loudly); any other name is off and
 * logged — a mode of another service is not an error here, so one setting can be given to a whole stack.
 */
public final class FaultSwitch {

    public static final String NONE = "none";
    private static final Logger LOG = Logger.getLogger(FaultSwitch.class);

    private final String mode;
    private final int rate;

    /** @param modes the fault modes this service implements (lower case, e.g. {@code event-log}) */
    public FaultSwitch(String service, Set<String> modes, String configuredMode, int rate) {
        if (rate < 1) {
            throw new IllegalArgumentException("steadystate.fault.rate must be at least 1, was " + rate);
        }
        String wanted = configuredMode == null ? NONE : configuredMode.strip().toLowerCase(Locale.ROOT);
        this.rate = rate;
        if (modes.contains(wanted)) {
            this.mode = wanted;
            LOG.warnf(
                    "LEAK FAULT ACTIVE: %s of %s (rate %d) — this instance leaks memory on purpose",
                    wanted, service, rate);
        } else {
            this.mode = NONE;
            if (!NONE.equals(wanted)) {
                LOG.warnf(
                        "steadystate.fault.mode=%s is not a fault of %s (its modes: %s); no fault active",
                        configuredMode, service, modes);
            }
        }
    }

    public FaultSwitch(String service, Set<String> modes, FaultConfig config) {
        this(service, modes, config.mode(), config.rate());
    }

    /** The active mode, or {@link #NONE}. */
    public String mode() {
        return mode;
    }

    public boolean active() {
        return !NONE.equals(mode);
    }

    public int rate() {
        return rate;
    }

    /**
     * Registers the two gauges; {@code leakedObjects} is read at scrape time from {@code owner} (Micrometer holds
     * it weakly: the owner is the fault object the service keeps).
     */
    public <T> void bindGauges(MeterRegistry registry, T owner, ToDoubleFunction<T> leakedObjects) {
        Gauge.builder("steadystate.fault.active", this, f -> f.active() ? 1 : 0)
                .description("1 when a leak fault is switched on")
                .strongReference(true)
                .register(registry);
        Gauge.builder("steadystate.fault.leaked.objects", owner, leakedObjects)
                .description("Objects retained by the leak fault")
                .register(registry);
    }
}
