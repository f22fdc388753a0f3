package io.steadystate.soak.load;

import io.steadystate.soak.profile.Profile;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What {@link SoakApiSimulation} does in its child JVM: where the load goes, how hard, how long, and what it must stay
 * under. {@link GatlingRunner} passes it as system properties, the simulation reads it back with
 * {@link #read}; the token travels in the environment ({@link #TOKEN_ENV}), never on the command line.
 *
 * @param orderUrl        order-service's base URL, without a trailing slash
 * @param marketUrl       market-data's base URL, without a trailing slash
 * @param users           concurrent manual traders (at least one runs; the listings desk is one more)
 * @param rps             the cap on requests per second over all scenarios
 * @param p99Millis       assertion: 99th percentile response time under this
 * @param maxErrorPercent assertion: failed requests under this share
 */
public record LoadPlan(
        String orderUrl,
        String marketUrl,
        String token,
        int users,
        double rps,
        Duration duration,
        double p99Millis,
        double maxErrorPercent) {

    /** The same variable the services read their token from. */
    public static final String TOKEN_ENV = "STEADYSTATE_API_TOKEN";

    static final double MAX_ERROR_PERCENT = 1;

    public LoadPlan {
        orderUrl = strip(orderUrl);
        marketUrl = strip(marketUrl);
        if (users < 0 || rps < 0 || duration.isNegative()) {
            throw new IllegalArgumentException("load needs users >= 0, rps >= 0, a duration >= 0");
        }
    }

    /** The profile's API load for the run's whole duration: error rate < 1 %, p99 under the profile's (1 s by default). */
    public static LoadPlan of(Profile p, String orderUrl, String marketUrl, String token) {
        return new LoadPlan(
                orderUrl,
                marketUrl,
                token,
                p.orderApi().users(),
                p.orderApi().rps(),
                p.duration(),
                p.orderApi().p99().toMillis(),
                MAX_ERROR_PERCENT);
    }

    /** Gatling's system properties (no token: see {@link #TOKEN_ENV}). */
    public Map<String, String> systemProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("soak.order.url", orderUrl);
        m.put("soak.market.url", marketUrl);
        m.put("soak.users", Integer.toString(users));
        m.put("soak.rps", String.format(Locale.ROOT, "%.2f", rps));
        m.put("soak.duration.seconds", Long.toString(duration.toSeconds()));
        m.put("soak.p99.millis", String.format(Locale.ROOT, "%.0f", p99Millis));
        m.put("soak.max.error.percent", String.format(Locale.ROOT, "%.2f", maxErrorPercent));
        return m;
    }

    /** The plan inside Gatling's JVM; what is not set falls back on a small loopback load. */
    public static LoadPlan read(UnaryOperator<String> property, UnaryOperator<String> env) {
        String token = env.apply(TOKEN_ENV);
        return new LoadPlan(
                or(property, "soak.order.url", "http://127.0.0.1:8083"),
                or(property, "soak.market.url", "http://127.0.0.1:8081"),
                token == null || token.isBlank() ? "steadystate-local" : token,
                Integer.parseInt(or(property, "soak.users", "2")),
                Double.parseDouble(or(property, "soak.rps", "4")),
                Duration.ofSeconds(Long.parseLong(or(property, "soak.duration.seconds", "60"))),
                Double.parseDouble(
                        or(property, "soak.p99.millis", Long.toString(Profile.OrderApiLoad.DEFAULT_P99.toMillis()))),
                Double.parseDouble(or(property, "soak.max.error.percent", "1")));
    }

    /** Manual traders that ramp up: at least one (Gatling refuses to inject zero users into a scenario it runs). */
    public int traders() {
        return Math.max(1, users);
    }

    /** Gatling throttles in whole requests per second: at least one. */
    public int throttleRps() {
        return (int) Math.max(1, Math.round(rps));
    }

    /** As the report states them. */
    public String assertions() {
        return String.format(
                Locale.ROOT,
                "error rate < %s%%, p99 < %s",
                trim(maxErrorPercent),
                p99Millis >= 1000 ? trim(p99Millis / 1000) + " s" : trim(p99Millis) + " ms");
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String or(UnaryOperator<String> property, String key, String fallback) {
        String v = property.apply(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String strip(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
