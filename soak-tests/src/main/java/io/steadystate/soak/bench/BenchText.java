package io.steadystate.soak.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** The table {@code ./soak bench} prints: medians with the min–max range over the repetitions. */
public final class BenchText {

    private BenchText() {}

    public static void print(BenchResult r, PrintStream out) {
        out.print(render(r));
        out.flush();
    }

    public static String render(BenchResult r) {
        StringBuilder b = new StringBuilder("\n");
        BenchResult.Summary s = r.summary();
        b.append(String.format(
                Locale.ROOT,
                "bench: %d repetition(s), %.0f s per step, ticks of %d B — median (min–max)%n",
                r.reps().size(),
                r.settings().stepSeconds(),
                r.settings().recordSize()));
        if (r.failure() != null) {
            b.append("bench: RUN FAILED: ").append(r.failure()).append('\n');
        }
        Map<String, Spread> t = s.throughput();
        b.append("\nthroughput, records/s\n");
        row(b, "raw Kafka producer (ProducerPerformance)", t.get("rawProducerPerSec"), "%,.0f");
        row(b, "raw producer, market-data's settings", t.get("rawProducerTunedPerSec"), "%,.0f");
        b.append(String.format(
                Locale.ROOT,
                "    (%s, from %s)%n",
                MarketProducerSettings.label(r.settings().marketDataProducer()),
                r.settings().marketDataConfig()));
        row(b, "raw Kafka consumer (ConsumerPerformance, fetch)", t.get("rawConsumerFetchPerSec"), "%,.0f");
        row(b, "market-data published, unthrottled", t.get("unthrottledPublishedPerSec"), "%,.0f");
        row(b, "strategy-service processed, unthrottled", t.get("unthrottledStrategyPerSec"), "%,.0f");
        row(b, "order-service processed, unthrottled", t.get("unthrottledOrderPerSec"), "%,.0f");
        row(b, "pipeline (slower consumer), unthrottled", t.get("unthrottledPipelinePerSec"), "%,.0f");
        row(b, "null pipeline, unthrottled", t.get("unthrottledNullPipelinePerSec"), "%,.0f");
        row(b, "pipeline sustained (lag flat, upward search)", t.get("sustainedPipelinePerSec"), "%,.0f");
        row(b, "null pipeline sustained (same search and rule)", t.get("sustainedNullPipelinePerSec"), "%,.0f");
        b.append(String.format(
                Locale.ROOT,
                "  (sustained = achieved rate of the highest flat step: doubling from half the "
                        + "unthrottled rate, then bisection to 10 %%, ≤ %d steps; the unthrottled step when it was flat)%n",
                r.settings().searchSteps()));
        long open = r.reps().stream()
                .filter(x -> !x.sustained().bracketed() || !x.nullSustained().bracketed())
                .count();
        if (open > 0) {
            b.append(String.format(
                    Locale.ROOT,
                    "  (in %d of %d repetitions a search ran out of steps before any step grew: "
                            + "that sustained figure is a lower bound; more --search-steps)%n",
                    open,
                    r.reps().size()));
        }
        b.append("\nratios, same repetition\n");
        Map<String, Spread> q = s.ratios();
        row(b, "pipeline sustained ÷ null pipeline sustained", q.get("sustainedPipelineToNullPipeline"), "%.3f");
        row(b, "pipeline sustained ÷ raw producer", q.get("sustainedPipelineToRawProducer"), "%.3f");
        row(b, "null pipeline sustained ÷ raw producer", q.get("sustainedNullPipelineToRawProducer"), "%.3f");
        row(b, "pipeline unthrottled ÷ null pipeline unthrottled", q.get("unthrottledPipelineToNullPipeline"), "%.3f");
        row(b, "pipeline unthrottled ÷ raw producer", q.get("unthrottledPipelineToRawProducer"), "%.3f");
        row(
                b,
                "pipeline unthrottled ÷ raw producer (md settings)",
                q.get("unthrottledPipelineToRawProducerTuned"),
                "%.3f");
        row(b, "market-data publish ÷ raw producer", q.get("marketDataPublishToRawProducer"), "%.3f");
        row(
                b,
                "market-data publish ÷ raw producer (md settings)",
                q.get("marketDataPublishToRawProducerTuned"),
                "%.3f");
        row(b, "strategy consume ÷ raw consumer", q.get("strategyToRawConsumer"), "%.3f");
        b.append(
                "\nlatency, ms (end − Tick.originMicros; signals end at the bench consumer's receive: one extra consume hop)\n");
        b.append("  order events end at: ").append(r.settings().orderClock()).append('\n');
        b.append(
                String.format(Locale.ROOT, "  %-34s %-22s %-22s %-22s %s%n", "", "p50", "p99", "p99.9", "events/step"));
        Map<String, Spread> h = s.oneHop();
        b.append(String.format(
                Locale.ROOT,
                "  %-34s %-22s %-22s %-22s%n",
                "Kafka one hop (" + r.settings().oneHopRatePerSecond() + "/s, µs probe)",
                cell(h.get("p50Ms"), "%.2f"),
                cell(h.get("p99Ms"), "%.2f"),
                cell(h.get("p999Ms"), "%.2f")));
        for (BenchResult.LoadSummary l : s.loads()) {
            Map<String, Spread> f = l.figures();
            b.append(String.format(
                    Locale.ROOT,
                    "  %,d ticks/s (achieved %s, lag flat %s)%n",
                    l.targetPerSec(),
                    cell(f.get("achievedPerSec"), "%,.0f"),
                    flatText(f.get("lagFlat"))));
            for (String k : new String[] {
                "tickToSignal", "tickToOrder", "tickToFill", "sessionCloseToSignal", "sessionCloseToOrder"
            }) {
                String label = switch (k) {
                    case "tickToSignal" -> "tick → signal";
                    case "tickToOrder" -> "tick → signal → order event";
                    case "tickToFill" -> "tick → fill (order event)";
                    case "sessionCloseToSignal" -> "session close → signal *";
                    default -> "session close → order event *";
                };
                b.append(String.format(
                        Locale.ROOT,
                        "    %-32s %-22s %-22s %-22s %s%n",
                        label,
                        cell(f.get(k + ".p50Ms"), "%.2f"),
                        cell(f.get(k + ".p99Ms"), "%.2f"),
                        cell(f.get(k + ".p999Ms"), "%.2f"),
                        cell(f.get(k + ".count"), "%.0f")));
            }
        }
        b.append(
                "  * made at session close, stamped with the symbol's last tick's origin: not a tick latency, kept apart\n");
        if (!r.notes().isEmpty()) {
            b.append("\nnotes:\n");
            r.notes().stream()
                    .distinct()
                    .forEach(n -> b.append("  - ").append(n).append('\n'));
        }
        return b.toString();
    }

    private static String flatText(Spread s) {
        if (s == null || !s.present()) {
            return "?";
        }
        return s.min() == 1 ? "yes" : s.max() == 0 ? "no" : "in some reps";
    }

    private static void row(StringBuilder b, String label, Spread s, String fmt) {
        b.append(String.format(Locale.ROOT, "  %-48s %s%n", label, cell(s, fmt)));
    }

    static String cell(Spread s, String fmt) {
        if (s == null || !s.present()) {
            return "—";
        }
        String median = String.format(Locale.ROOT, fmt, s.median());
        if (s.n() == 1 || s.min() == s.max()) {
            return median;
        }
        return median + " (" + String.format(Locale.ROOT, fmt, s.min()) + "–" + String.format(Locale.ROOT, fmt, s.max())
                + ")";
    }
}
