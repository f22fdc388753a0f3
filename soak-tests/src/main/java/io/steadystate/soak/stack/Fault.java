package io.steadystate.soak.stack;

import java.util.List;
import java.util.Map;

/**
 * A leak fault switched on in one service ({@code --fault strategy:rally-cache[:rate]}), the positive control
 * that proves the harness can fail. Modes are those of CONTRACTS.md "Leak faults".
 */
public record Fault(ServiceId service, String mode, int rate) {

    static final Map<ServiceId, List<String>> MODES = Map.of(
            ServiceId.STRATEGY, List.of("rally-cache", "symbol-managers", "bytes-per-kilotick"),
            ServiceId.ORDER, List.of("order-tracking", "duplicate-order-events"),
            ServiceId.MARKET_DATA, List.of("event-log"));

    public Fault {
        if (!MODES.get(service).contains(mode)) {
            throw new IllegalArgumentException(
                    "service " + service.shortName() + " has no fault '" + mode + "'; known: " + MODES.get(service));
        }
        if (rate < 1) {
            throw new IllegalArgumentException(
                    "fault rate must be a positive integer (objects leaked per triggering event; bytes per 1,000 ticks for bytes-per-kilotick)");
        }
    }

    /** {@code service:mode} or {@code service:mode:rate}; rate defaults to 1 object leaked per triggering event. */
    public static Fault parse(String text) {
        String[] p = text.split(":");
        if (p.length < 2 || p.length > 3) {
            throw new IllegalArgumentException(
                    "--fault takes service:mode[:rate], e.g. strategy:rally-cache, got '" + text + "'");
        }
        int rate = 1;
        if (p.length == 3) {
            try {
                rate = Integer.parseInt(p[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault rate is not a number: '" + p[2] + "'");
            }
        }
        return new Fault(ServiceId.parse(p[0]), p[1], rate);
    }

    @Override
    public String toString() {
        return service.shortName() + ":" + mode;
    }
}
