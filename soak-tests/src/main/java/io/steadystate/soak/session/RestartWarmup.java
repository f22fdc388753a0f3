package io.steadystate.soak.session;

import io.steadystate.soak.chaos.KillRecord;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.verdict.VerdictPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The warm-up of a restarted process: how many samples at the start of its segment are not judged, and how many
 * judged samples a segment needs before it is judged at all. A fresh JVM after a kill -9 is not in steady state:
 * it recovers its stores from Kafka, rejoins its group and works off the backlog the outage built, then JIT,
 * code cache and heap sizing settle. Measured in ChaosSoakIT (3 s sampling): order-service was ready 43 s after its
 * restart and its stores were empty until then; strategy's RSS rose 222 → 280 MB within 6 s of processing again;
 * order-service's first process rose 243 → 288 MB over its first 30 s of processing and moved under 1 MB per 10 s
 * after that. The verdict engine reads such a climb as growth: the last chaos run ended LEAK (order-service, RSS)
 * from a 17-sample post-restart segment.
 *
 * <p>Dropped: the latest of
 * <ul>
 *   <li>everything before {@link #SETTLE_SECONDS} after the service's recovery (the kill's ready and drained time;
 *       the segment's first sample when no kill record names it — an unplanned restart);</li>
 *   <li>the policy's warm-up fraction of the segment (as a whole run drops it);</li>
 *   <li>{@link #MIN_DROPPED} samples, for slow sampling intervals where 30 s is one sample.</li>
 * </ul>
 * The engine then looks for the steady state in what is left with a floor of 0 (the fraction is spent here), and
 * MSER may still drop up to half of it; so a segment needs {@code 2 × minSamples} judged samples
 * ({@link #minimumJudged}) to leave the engine a full window — below that it is INCONCLUSIVE, "too short to judge".
 *
 * @param dropped       samples of the segment not judged (≤ its size)
 * @param judgedFrom    elapsed seconds of the first judged sample (NaN when none is left)
 * @param recoveredAt   what the settle time counts from, elapsed seconds: the kill's recovery, or the segment's first
 *                      sample when that is later (a recovery is noticed before the next sample) or unknown
 */
record RestartWarmup(int dropped, double judgedFrom, double recoveredAt) {

    /** Settling after recovery: JIT, code cache, heap sizing (measured above: about 30 s of processing). */
    static final double SETTLE_SECONDS = 30;

    static final int MIN_DROPPED = 5;

    static RestartWarmup of(List<Sample> segment, Double recoveredAt, double warmupFraction) {
        if (segment.isEmpty()) {
            return new RestartWarmup(0, Double.NaN, Double.NaN);
        }
        double start = segment.get(0).elapsedSeconds();
        double anchor = recoveredAt == null ? start : Math.max(start, recoveredAt);
        int byTime = 0;
        while (byTime < segment.size() && segment.get(byTime).elapsedSeconds() < anchor + SETTLE_SECONDS) {
            byTime++;
        }
        int byFraction = (int) Math.ceil(segment.size() * warmupFraction);
        int dropped = Math.min(segment.size(), Math.max(MIN_DROPPED, Math.max(byTime, byFraction)));
        return new RestartWarmup(
                dropped, dropped < segment.size() ? segment.get(dropped).elapsedSeconds() : Double.NaN, anchor);
    }

    /** Judged samples a restarted segment needs: the engine's minimum, twice (its own warm-up may take half). */
    static int minimumJudged(VerdictPolicy policy) {
        return 2 * policy.minSamples();
    }

    /** Per service module: when its last planned kill had recovered (ready and drained), elapsed seconds. */
    static Map<String, Double> recoveries(List<KillRecord> kills) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (kills == null) {
            return out;
        }
        for (KillRecord k : kills) {
            Double at = k.drainedAt() == null
                    ? k.readyAt()
                    : k.readyAt() == null ? k.drainedAt() : Double.valueOf(Math.max(k.readyAt(), k.drainedAt()));
            ServiceId id = service(k.target());
            if (id != null && at != null) {
                out.merge(id.module(), at, Math::max);
            }
        }
        return out;
    }

    private static ServiceId service(String target) {
        try {
            return ServiceId.parse(target);
        } catch (IllegalArgumentException e) {
            return null; // the broker: not a process segment of a service
        }
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "warm-up %d samples: %.0f s from recovery at %.0f s",
                dropped,
                SETTLE_SECONDS,
                recoveredAt);
    }
}
