package io.steadystate.soak.verdict;

import java.util.Locale;

/**
 * The production day a verdict is projected onto: how much of each {@link Driver} one trading day brings, and the
 * heap the service runs with. A soak replays far fewer events per simulated day than a real feed, so the budget
 * is stated per production day and the soak's fitted growth per event is scaled up by these counts.
 *
 * @param symbols             instruments in the universe
 * @param ticksPerSymbolPerDay ticks one symbol brings in one trading day
 * @param ordersPerDay        orders (signals that become orders) per trading day
 * @param listingShare        share of the universe listed/delisted per day (each change is one listing event)
 * @param heapMb              the service's heap: "days until full" counts towards it
 */
public record Workload(
        int symbols, double ticksPerSymbolPerDay, double ordersPerDay, double listingShare, double heapMb) {

    /** A mid-size equity feed: 1,000 symbols × 20,000 ticks a day, 50,000 orders, 1 % churn, 256 MB heap. */
    public static final Workload DEFAULT = new Workload(1_000, 20_000, 50_000, 0.01, 256);

    public Workload {
        if (symbols < 1) {
            throw new IllegalArgumentException("workload needs at least one symbol, got " + symbols);
        }
        if (!(ticksPerSymbolPerDay > 0)) {
            throw new IllegalArgumentException(
                    "ticks per symbol per day must be positive, got " + ticksPerSymbolPerDay);
        }
        if (!(ordersPerDay >= 0) || !(listingShare >= 0 && listingShare <= 1)) {
            throw new IllegalArgumentException("orders per day must be >= 0 and the listing share in [0, 1]");
        }
        if (!(heapMb >= 16)) {
            throw new IllegalArgumentException("heap must be at least 16 MB, got " + heapMb);
        }
    }

    /** How many of {@code driver} one production day brings (a production day is one trading day). */
    public double perDay(Driver driver) {
        return switch (driver) {
            case TICKS -> symbols * ticksPerSymbolPerDay;
            case ORDERS -> ordersPerDay;
            case LISTINGS -> symbols * listingShare;
            case TIME -> 1;
        };
    }

    /**
     * {@code symbols=1000,ticks=20000,orders=50000,listings=0.01,heap=256m}; keys left out keep the defaults, so
     * {@code --workload ticks=100000} reads as "the default feed, five times busier".
     */
    public static Workload parse(String text) {
        Workload w = DEFAULT;
        if (text == null || text.isBlank()) {
            return w;
        }
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("workload takes key=value pairs (symbols, ticks, orders, listings, "
                        + "heap), got '" + part + "'");
            }
            String key = kv[0].trim().toLowerCase(Locale.ROOT);
            String value = kv[1].trim();
            try {
                w = switch (key) {
                    case "symbols" ->
                        new Workload(
                                Integer.parseInt(value),
                                w.ticksPerSymbolPerDay,
                                w.ordersPerDay,
                                w.listingShare,
                                w.heapMb);
                    case "ticks" ->
                        new Workload(w.symbols, Double.parseDouble(value), w.ordersPerDay, w.listingShare, w.heapMb);
                    case "orders" ->
                        new Workload(
                                w.symbols, w.ticksPerSymbolPerDay, Double.parseDouble(value), w.listingShare, w.heapMb);
                    case "listings" ->
                        new Workload(
                                w.symbols, w.ticksPerSymbolPerDay, w.ordersPerDay, Double.parseDouble(value), w.heapMb);
                    case "heap" ->
                        new Workload(w.symbols, w.ticksPerSymbolPerDay, w.ordersPerDay, w.listingShare, heapMb(value));
                    default ->
                        throw new IllegalArgumentException(
                                "unknown workload key '" + key + "' (symbols, ticks, orders, listings, heap)");
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("workload " + key + " is not a number: '" + value + "'");
            }
        }
        return w;
    }

    /** {@code 256m}, {@code 2g}, {@code 65536k} (a JVM -Xmx) or a plain number of MB. */
    public static double heapMb(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("g")) {
            return Double.parseDouble(t.substring(0, t.length() - 1)) * 1024;
        }
        if (t.endsWith("m")) {
            return Double.parseDouble(t.substring(0, t.length() - 1));
        }
        if (t.endsWith("k")) {
            return Double.parseDouble(t.substring(0, t.length() - 1)) / 1024;
        }
        return Double.parseDouble(t);
    }

    public String describe() {
        return String.format(
                Locale.ROOT,
                "%,d symbols × %,.0f ticks/day (%,.0f ticks), %,.0f orders, %.1f %% listed/"
                        + "delisted a day, %.0f MB heap",
                symbols,
                ticksPerSymbolPerDay,
                perDay(Driver.TICKS),
                ordersPerDay,
                listingShare * 100,
                heapMb);
    }
}
