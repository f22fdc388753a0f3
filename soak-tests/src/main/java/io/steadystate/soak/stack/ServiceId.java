package io.steadystate.soak.stack;

import java.util.Locale;

/** The three services of CONTRACTS.md: module (= Prometheus job, artefact dir), short name for {@code --fault}. */
public enum ServiceId {
    MARKET_DATA("market-data-service", "market-data"),
    STRATEGY("strategy-service", "strategy"),
    ORDER("order-service", "order");

    private final String module;
    private final String shortName;

    ServiceId(String module, String shortName) {
        this.module = module;
        this.shortName = shortName;
    }

    public String module() {
        return module;
    }

    public String shortName() {
        return shortName;
    }

    public static ServiceId parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (ServiceId id : values()) {
            if (id.module.equals(t)
                    || id.shortName.equals(t)
                    || id.shortName.replace("-", "").equals(t)) {
                return id;
            }
        }
        throw new IllegalArgumentException("unknown service '" + text + "' (market-data, strategy, order)");
    }
}
