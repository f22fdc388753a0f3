package io.steadystate.soak.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.steadystate.soak.stack.MarketClient;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * REST load during a soak (CONTRACTS.md "REST surfaces"): manual bracket orders placed far from the market
 * (so they rest), read back, cancelled; order-book and P&amp;L queries; symbols listed and delisted on
 * market-data. Parameters come from system properties set by {@link GatlingRunner}; loopback only.
 */
public class SoakApiSimulation extends Simulation {

    private final String orderUrl = System.getProperty("soak.order.url", "http://127.0.0.1:8083");
    private final String marketUrl = System.getProperty("soak.market.url", "http://127.0.0.1:8081");
    private final String token = System.getProperty("soak.token", "steadystate-local");
    private final int users = Integer.getInteger("soak.users", 2);
    private final double rps = Double.parseDouble(System.getProperty("soak.rps", "4"));
    private final Duration duration = Duration.ofSeconds(Long.getLong("soak.duration.seconds", 60));
    private final double p99Millis = Double.parseDouble(System.getProperty("soak.p99.millis", "1000"));
    private final double maxErrorPercent = Double.parseDouble(System.getProperty("soak.max.error.percent", "1"));
    private final int[] slots = {11, 12, 13, 21, 22, 23, 31, 32, 33, 41, 42, 43, 51, 52, 53, 61, 62, 63, 71, 72, 73};
    private final AtomicLong sequence = new AtomicLong();

    private Iterator<Map<String, Object>> orders() {
        return Stream.generate(() -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            long n = sequence.incrementAndGet();
            Map<String, Object> m = Map.of(
                    "clientOrderId", "soak-" + ProcessHandle.current().pid() + "-" + n,
                    "slotId", slots[r.nextInt(slots.length)],
                    "buy", r.nextBoolean(),
                    "listing", "SOAK" + (char) ('A' + n % 26) + (char) ('A' + (n / 26) % 26) + (n % 1000));
            return m;
        }).iterator();
    }

    /**
     * Prices a resting bracket from a live quote: a BUY limit at half the price, a SELL limit at twice it. Far
     * enough that it rests until the scenario cancels it, near enough to pass order-service's 0.1x..10x sanity
     * band (an order at 0.01 or 1e6 is rightly a 400).
     */
    private static Session priceFromQuote(Session session) {
        Map<String, Object> quote = session.getMap("quote");
        double price = ((Number) quote.get("price")).doubleValue();
        boolean buy = session.getBoolean("buy");
        double limit = buy ? price * 0.5 : price * 2.0;
        return session.set("symbol", quote.get("symbol"))
                .set("side", buy ? "BUY" : "SELL")
                .set("limitPrice", round(limit))
                .set("stopLoss", round(buy ? limit * 0.9 : limit * 1.1))
                .set("takeProfit", round(buy ? limit * 1.1 : limit * 0.9));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private final ChainBuilder placeQueryCancel = feed(orders())
            .exec(http("quote").get(marketUrl + "/" + MarketClient.SYMBOLS)
                    .check(status().is(200))
                    .check(jsonPath("$[?(@.ticks > 0)]").ofMap().findRandom().saveAs("quote")))
            .exec(SoakApiSimulation::priceFromQuote)
            .exec(http("place order").post(orderUrl + "/orders")
                    .header("Authorization", "Bearer " + token)
                    .body(StringBody("{\"clientOrderId\":\"#{clientOrderId}\",\"symbol\":\"#{symbol}\",\"slotId\":#{slotId},"
                            + "\"side\":\"#{side}\",\"type\":\"LIMIT\",\"quantity\":1,\"limitPrice\":#{limitPrice},"
                            + "\"stopLoss\":#{stopLoss},\"takeProfit\":#{takeProfit},\"timeInForce\":\"GTC\"}"))
                    .asJson()
                    // a kill switch, risk rejection or rate limit is a valid business answer, not an API error;
                    // so is "unknown symbol" when churn delisted the quoted symbol a moment ago
                    .check(status().in(200, 201, 202, 400, 409, 422, 429))
                    .checkIf((response, session) -> response.status().code() == 400)
                    .then(bodyString().transform(b -> b.contains("unknown symbol")).is(true))
                    .check(jsonPath("$.orderId").optional().saveAs("orderId")))
            .pause(Duration.ofMillis(50))
            .doIf(session -> session.contains("orderId")).then(
                    exec(http("get order").get(orderUrl + "/orders/#{orderId}").check(status().in(200, 404)))
                            .exec(http("cancel order").delete(orderUrl + "/orders/#{orderId}")
                                    .header("Authorization", "Bearer " + token)
                                    .check(status().in(200, 202, 204, 404, 409))))
            .exec(session -> session.remove("orderId"))
            .exec(http("open orders").get(orderUrl + "/orders?page=0&size=20").check(status().is(200)))
            .exec(http("history").get(orderUrl + "/orders/history?page=0&size=20").check(status().is(200)))
            .exec(http("positions").get(orderUrl + "/positions").check(status().is(200)))
            .exec(http("pnl").get(orderUrl + "/pnl").check(status().is(200)));

    private final ChainBuilder listDelist = feed(orders())
            .exec(http("list symbol").post(marketUrl + "/" + MarketClient.SYMBOLS)
                    .header("Authorization", "Bearer " + token)
                    .body(StringBody("{\"symbol\":\"#{listing}\",\"price\":100.0}")).asJson()
                    .check(status().in(200, 201, 409)))
            .pause(Duration.ofSeconds(2))
            .exec(http("delist symbol").delete(marketUrl + "/" + MarketClient.SYMBOLS + "/#{listing}")
                    .header("Authorization", "Bearer " + token)
                    .check(status().in(200, 202, 204, 404)))
            .exec(http("market status").get(marketUrl + "/" + MarketClient.STATUS).check(status().is(200)));

    {
        HttpProtocolBuilder protocol = http.acceptHeader("application/json").shareConnections();
        ScenarioBuilder trader = scenario("manual trader").forever().on(exec(placeQueryCancel).pause(Duration.ofMillis(200)));
        ScenarioBuilder listings = scenario("listings desk").forever().on(exec(listDelist).pause(Duration.ofSeconds(3)));
        int traders = Math.max(1, users);
        setUp(trader.injectOpen(rampUsers(traders).during(Duration.ofSeconds(5))),
                listings.injectOpen(atOnceUsers(1)))
                .protocols(protocol)
                .throttle(reachRps((int) Math.max(1, Math.round(rps))).in(Duration.ofSeconds(5)), holdFor(duration))
                .maxDuration(duration)
                .assertions(global().failedRequests().percent().lt(maxErrorPercent),
                        global().responseTime().percentile(99.0).lt((int) p99Millis));
    }
}
