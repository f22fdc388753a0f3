package io.steadystate.soak.chaos;

import io.steadystate.soak.stack.ServiceId;
import java.util.Locale;

/** What the chaos plan can kill -9: one of the three services, or the Kafka broker. */
public enum ChaosTarget {
    MARKET_DATA(ServiceId.MARKET_DATA),
    STRATEGY(ServiceId.STRATEGY),
    ORDER(ServiceId.ORDER),
    BROKER(null);

    private final ServiceId service;

    ChaosTarget(ServiceId service) {
        this.service = service;
    }

    /** The service, or null for the broker. */
    public ServiceId service() {
        return service;
    }

    public String label() {
        return service == null ? "broker" : service.shortName();
    }

    public static ChaosTarget parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("broker") || t.equals("kafka")) {
            return BROKER;
        }
        ServiceId id = ServiceId.parse(t);
        for (ChaosTarget c : values()) {
            if (c.service == id) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown chaos target '" + text + "'");
    }
}
