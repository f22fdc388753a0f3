package io.steadystate.soak.stack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.util.List;

/**
 * market-data's control API (docs/CONTRACTS.md "REST surfaces") as the harness drives it: the one place that knows
 * its paths and answers. Every failure is an {@link IOException} whose message names the request
 * ({@code "POST /market/start failed: …"}, or {@link Refused} {@code "… → HTTP 409 …"}), so callers add only their
 * context. {@link HttpMarketClient} talks HTTP; tests use an in-memory market.
 */
public interface MarketClient {

    /** Paths below market-data's base URL; Gatling's simulation (its own DSL, a child JVM) builds its requests from these. */
    String STATUS = "market/status";

    String RATE = "market/rate";
    String SYMBOLS = "market/symbols";

    /** The feed's lifecycle: {@code POST /market/<command>}. */
    enum Command {
        /** A market already running answers {@link Refused} with {@link Refused#CONFLICT}. */
        START,
        STOP,
        PAUSE,
        RESUME;

        public String path() {
            return "market/" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    void send(Command command) throws IOException;

    void changeRate(RateChange change) throws IOException;

    MarketStatus status() throws IOException;

    /** The listed symbols with their last price. */
    List<Listing> symbols() throws IOException;

    static MarketClient of(Http http, ServiceEndpoint market) {
        if (market.id() != ServiceId.MARKET_DATA) {
            throw new IllegalArgumentException(market.id() + " has no market control API");
        }
        return new HttpMarketClient(http, market.baseUrl());
    }

    /** {@code PUT /market/rate}: only the fields set are changed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RateChange(Double speed, Long maxTicksPerSecond, Double ticksPerSymbolPerSecond) {

        public static RateChange ticksPerSymbolPerSecond(double tps) {
            return new RateChange(null, null, tps);
        }

        /** Simulated-time speed and a cap on ticks per second (0 = uncapped). */
        public static RateChange paced(double speed, long maxTicksPerSecond) {
            return new RateChange(speed, maxTicksPerSecond, null);
        }
    }

    /** One element of {@code GET /market/symbols}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Listing(String symbol, double price, long ticks) {}

    /** market-data answered, but not with 2xx: the request changed nothing. */
    final class Refused extends IOException {
        public static final int CONFLICT = 409;
        private final int status;

        public Refused(String request, int status, String body) {
            super(request + " → HTTP " + status + " " + body
                    + (status == 404 ? " — market-data-service does not implement the control API yet" : ""));
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
