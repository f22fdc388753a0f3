package io.steadystate.soak.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

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

/**
 * REST load during a soak (CONTRACTS.md "REST surfaces"): manual bracket orders placed far from the market
 * (so they rest), read back, cancelled; order-book and P&amp;L queries; symbols listed and delisted on
 * market-data. What and how hard: {@link LoadPlan}, set by {@link GatlingRunner}; loopback only.
 */
public class SoakApiSimulation extends Simulation {

    private final LoadPlan plan = LoadPlan.read(System::getProperty, System::getenv);
    private final String orderUrl = plan.orderUrl();
    private final String marketUrl = plan.marketUrl();
    private final String token = plan.token();
    private final int[] slots = {11, 12, 13, 21, 22, 23, 31, 32, 33, 41, 42, 43, 51, 52, 53, 61, 62, 63, 71, 72, 73};
    private final AtomicLong sequence = new AtomicLong();

    private Iterator<Map<String, Object>> orders() {
        return Stream.generate(() -> {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    long n = sequence.incrementAndGet();
                    Map<String, Object> m = Map.of(
                            "clientOrderId",
                            "soak-" + ProcessHandle.current().pid() + "-" + n,
                            "slotId",
                            slots[r.nextInt(slots.length)],
                            "buy",
                            r.nextBoolean(),
                            "listing",
                            "SOAK" + (char) ('A' + n % 26) + (char) ('A' + (n / 26) % 26) + (n % 1000));
                    return m;
                })
                .iterator();
    }

    /** Prices a resting bracket from a live quote ({@link RestingBracket}). */
    private static Session priceFromQuote(Session session) {
        Map<String, Object> quote = session.getMap("quote");
        RestingBracket b = RestingBracket.from(((Number) quote.get("price")).doubleValue(), session.getBoolean("buy"));
        return session.set("symbol", quote.get("symbol"))
                .set("side", b.side())
                .set("limitPrice", b.limitPrice())
                .set("stopLoss", b.stopLoss())
                .set("takeProfit", b.takeProfit());
    }

    private final ChainBuilder placeQueryCancel = feed(orders())
            .exec(http("quote")
                    .get(marketUrl + "/" + MarketClient.SYMBOLS)
                    .check(status().is(200))
                    .check(jsonPath("$[?(@.ticks > 0)]").ofMap().findRandom().saveAs("quote")))
            .exec(SoakApiSimulation::priceFromQuote)
            .exec(http("place order")
                    .post(orderUrl + "/orders")
                    .header("Authorization", "Bearer " + token)
                    .body(StringBody(
                            "{\"clientOrderId\":\"#{clientOrderId}\",\"symbol\":\"#{symbol}\",\"slotId\":#{slotId},"
                                    + "\"side\":\"#{side}\",\"type\":\"LIMIT\",\"quantity\":1,\"limitPrice\":#{limitPrice},"
                                    + "\"stopLoss\":#{stopLoss},\"takeProfit\":#{takeProfit},\"timeInForce\":\"GTC\"}"))
                    .asJson()
                    // a kill switch, risk rejection or rate limit is a valid business answer, not an API error;
                    // so is "unknown symbol" when churn delisted the quoted symbol a moment ago
                    .check(status().in(200, 201, 202, 400, 409, 422, 429))
                    .checkIf((response, session) -> response.status().code() == 400)
                    .then(bodyString()
                            .transform(b -> b.contains("unknown symbol"))
                            .is(true))
                    .check(jsonPath("$.orderId").optional().saveAs("orderId")))
            .pause(Duration.ofMillis(50))
            .doIf(session -> session.contains("orderId"))
            .then(exec(http("get order").get(orderUrl + "/orders/#{orderId}").check(status().in(200, 404)))
                    .exec(http("cancel order")
                            .delete(orderUrl + "/orders/#{orderId}")
                            .header("Authorization", "Bearer " + token)
                            .check(status().in(200, 202, 204, 404, 409))))
            .exec(session -> session.remove("orderId"))
            .exec(http("open orders").get(orderUrl + "/orders?page=0&size=20").check(status().is(200)))
            .exec(http("history")
                    .get(orderUrl + "/orders/history?page=0&size=20")
                    .check(status().is(200)))
            .exec(http("positions").get(orderUrl + "/positions").check(status().is(200)))
            .exec(http("pnl").get(orderUrl + "/pnl").check(status().is(200)));

    private final ChainBuilder listDelist = feed(orders())
            .exec(http("list symbol")
                    .post(marketUrl + "/" + MarketClient.SYMBOLS)
                    .header("Authorization", "Bearer " + token)
                    .body(StringBody("{\"symbol\":\"#{listing}\",\"price\":100.0}"))
                    .asJson()
                    .check(status().in(200, 201, 409)))
            .pause(Duration.ofSeconds(2))
            .exec(http("delist symbol")
                    .delete(marketUrl + "/" + MarketClient.SYMBOLS + "/#{listing}")
                    .header("Authorization", "Bearer " + token)
                    .check(status().in(200, 202, 204, 404)))
            .exec(http("market status")
                    .get(marketUrl + "/" + MarketClient.STATUS)
                    .check(status().is(200)));

    {
        HttpProtocolBuilder protocol = http.acceptHeader("application/json").shareConnections();
        ScenarioBuilder trader =
                scenario("manual trader").forever().on(exec(placeQueryCancel).pause(Duration.ofMillis(200)));
        ScenarioBuilder listings =
                scenario("listings desk").forever().on(exec(listDelist).pause(Duration.ofSeconds(3)));
        setUp(
                        trader.injectOpen(rampUsers(plan.traders()).during(Duration.ofSeconds(5))),
                        listings.injectOpen(atOnceUsers(1)))
                .protocols(protocol)
                .throttle(reachRps(plan.throttleRps()).in(Duration.ofSeconds(5)), holdFor(plan.duration()))
                .maxDuration(plan.duration())
                .assertions(
                        global().failedRequests().percent().lt(plan.maxErrorPercent()),
                        global().responseTime().percentile(99.0).lt((int) plan.p99Millis()));
    }
}
