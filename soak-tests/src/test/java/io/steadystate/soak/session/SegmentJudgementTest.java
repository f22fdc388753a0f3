package io.steadystate.soak.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.chaos.KillRecord;
import io.steadystate.soak.sampling.Counter;
import io.steadystate.soak.sampling.Counters;
import io.steadystate.soak.sampling.ProcessSegments;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.ServiceSample;
import io.steadystate.soak.verdict.Check;
import io.steadystate.soak.verdict.Judgement;
import io.steadystate.soak.verdict.Outcome;
import io.steadystate.soak.verdict.ServiceVerdict;
import io.steadystate.soak.verdict.VerdictPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A restarted process's segment judged on synthetic series (3 s sampling, a restart at 84 s): its warm-up is dropped,
 * a short one is INCONCLUSIVE however its samples look, a long one is judged — flat passes, a steady climb leaks.
 */
class SegmentJudgementTest {

    private static final double MB = 1024 * 1024;
    private static final String ORDER = "order-service";
    private static final double FIRST_START = 1_796_141_863.0;
    private static final double SECOND_START = FIRST_START + 87;
    private static final VerdictPolicy POLICY = VerdictPolicy.defaults().withResamples(200);

    /**
     * The shape of the last ChaosSoakIT's order-service: restarted at 84 s, recovered (ready, lag drained) at 130 s,
     * RSS and heap climbing while it refills its stores — the run ended LEAK (RSS) on that segment.
     */
    @Test
    void aShortSegmentAfterARestartIsTooShortToJudgeNotALeak() {
        List<Sample> samples = run(
                175,
                t -> t < 130 ? 13.4 + t * 0.001 : 13.5 + (t - 130) * 0.15,
                t -> t < 130 ? 226 + (t - 87) * 0.3 : 250 + (t - 130) * 4);
        Judgement.Result r = SegmentJudgement.judge(
                POLICY,
                List.of(ORDER),
                samples,
                null,
                List.of(),
                List.of(kill("order", 84, 127.5, 130.6), kill("broker", 131, 151, 153.0)));
        ServiceVerdict v = r.services().get(0);
        assertThat(v.outcome()).as(v.projection().explanation()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(v.projection().outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(v.projection().explanation())
                .contains("segment 2")
                .contains("too short to judge")
                .contains("need 16")
                .contains("30 s from recovery at 131 s");
        assertThat(r.checks()).allMatch(Check::passed);
        assertThat(r.overall()).isEqualTo(Outcome.INCONCLUSIVE);
    }

    @Test
    void aLongFlatSegmentAfterItsWarmUpPassesAndItsWindowIndexesTheWholeSegment() {
        Random noise = new Random(5);
        List<Sample> samples = run(
                400,
                t -> (t < 150 ? 13.4 + (t - 87) * 0.05 : 16.6) + noise.nextGaussian() * 0.002,
                t -> t < 150 ? 226 + (t - 87) : 290 + noise.nextGaussian() * 0.3);
        Judgement.Result r = SegmentJudgement.judge(
                POLICY, List.of(ORDER), samples, null, List.of(), List.of(kill("order", 84, 110, 120.0)));
        ServiceVerdict v = r.services().get(0);
        assertThat(v.outcome()).as(v.projection().explanation()).isEqualTo(Outcome.PASS);
        assertThat(v.projection().explanation()).startsWith("segment 2 (process from 87 s; warm-up");
        int dropped = RestartWarmup.of(ProcessSegments.last(ORDER, samples), 120.0, POLICY.warmupFloor())
                .dropped();
        assertThat(dropped)
                .as("30 s after the recovery at 120 s: samples from 150 s on")
                .isEqualTo(21);
        assertThat(v.heap().windowStart()).isGreaterThanOrEqualTo(dropped);
    }

    @Test
    void aLongSegmentThatKeepsGrowingAfterItsWarmUpIsALeak() {
        Random noise = new Random(6);
        List<Sample> samples = run(
                400, t -> 13.4 + (t - 87) * 0.1 + noise.nextGaussian() * 0.02, t -> 230 + noise.nextGaussian() * 0.3);
        Judgement.Result r = SegmentJudgement.judge(
                POLICY, List.of(ORDER), samples, null, List.of(), List.of(kill("order", 84, 110, 120.0)));
        assertThat(r.services().get(0).outcome())
                .as(r.services().get(0).projection().explanation())
                .isEqualTo(Outcome.LEAK);
        assertThat(r.overall()).isEqualTo(Outcome.LEAK);
    }

    @Test
    void aServiceThatNeverRestartedIsJudgedOnTheWholeRunAsWithoutChaos() {
        Random noise = new Random(7);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            double t = 3.0 * i;
            samples.add(sample(i, t, ORDER, FIRST_START, (14 + noise.nextGaussian() * 0.02) * MB, 240 * MB, t));
        }
        Judgement.Result segmented =
                SegmentJudgement.judge(POLICY, List.of(ORDER), samples, null, List.of(), List.of());
        Judgement.Result plain = new Judgement(POLICY).judge(List.of(ORDER), samples, null, null, List.of());
        assertThat(segmented.services().get(0).projection().explanation())
                .isEqualTo(plain.services().get(0).projection().explanation());
        assertThat(segmented.services().get(0).heap().windowStart())
                .isEqualTo(plain.services().get(0).heap().windowStart());
    }

    @Test
    void theWarmUpIsTheLatestOfSettleTimeFractionAndMinimumSamples() {
        List<Sample> fast = run(400, t -> 14, t -> 240);
        List<Sample> segment = ProcessSegments.last(ORDER, fast);
        // no kill record (an unplanned restart): 30 s from the segment's first sample at 87 s → 10 samples
        assertThat(RestartWarmup.of(segment, null, 0.0).dropped()).isEqualTo(10);
        // the policy's fraction of a 105-sample segment: 21
        assertThat(RestartWarmup.of(segment, null, 0.2).dropped()).isEqualTo(21);
        // slow sampling: 30 s is one sample, the minimum of 5 holds
        List<Sample> slow = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            slow.add(sample(i, 30.0 * i, ORDER, FIRST_START, 14 * MB, 240 * MB, i));
        }
        assertThat(RestartWarmup.of(slow, null, 0.0).dropped()).isEqualTo(RestartWarmup.MIN_DROPPED);
        assertThat(RestartWarmup.minimumJudged(POLICY)).isEqualTo(2 * POLICY.minSamples());
    }

    @Test
    void recoveriesNameServicesByModuleAndSkipTheBroker() {
        Map<String, Double> r = RestartWarmup.recoveries(List.of(
                kill("market-data", 20, 25, 26.0),
                kill("order", 84, 127.5, 130.6),
                kill("broker", 131, 151, 153.0),
                notDrained("strategy", 40, 80)));
        assertThat(r)
                .containsOnlyKeys("market-data-service", "order-service", "strategy-service")
                .containsEntry("order-service", 130.6)
                .containsEntry("strategy-service", 80.0);
    }

    /** order-service: process 1 from 0 to 81 s (flat), dead at 84 s, process 2 from 87 s to {@code end}. */
    private static List<Sample> run(double end, DoubleUnaryOperator heapMb, DoubleUnaryOperator rssMb) {
        List<Sample> out = new ArrayList<>();
        int seq = 0;
        for (double t = 0; t <= end; t += 3) {
            if (t <= 81) {
                out.add(sample(seq++, t, ORDER, FIRST_START, 14.5 * MB, 245 * MB, t));
            } else if (t < 87) {
                out.add(new Sample(seq++, (long) (t * 1000), t, null, t / 60, List.of(dead()), Map.of()));
            } else {
                out.add(sample(
                        seq++,
                        t,
                        ORDER,
                        SECOND_START,
                        heapMb.applyAsDouble(t) * MB,
                        rssMb.applyAsDouble(t) * MB,
                        t - 87));
            }
        }
        return out;
    }

    private static Sample sample(
            int seq, double t, String service, double processStart, double heap, double rss, double processedSeconds) {
        double ticks = 1000 * processedSeconds;
        ServiceSample s = new ServiceSample(
                service,
                true,
                heap,
                heap * 1.5,
                64 * MB,
                heap,
                rss,
                0.0,
                0.0,
                0.0,
                processStart,
                ticks,
                Map.of(),
                Counters.of(Map.of(Counter.TICKS_PROCESSED, ticks, Counter.SIGNALS_PROCESSED, ticks / 100)),
                null);
        return new Sample(seq, (long) (t * 1000), t, null, t / 60, List.of(s), Map.of());
    }

    private static ServiceSample dead() {
        return new ServiceSample(
                ORDER,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                Map.of(),
                Counters.NONE,
                "connection refused");
    }

    private static KillRecord kill(String target, double killedAt, double readyAt, double drainedAt) {
        return new KillRecord(0, target, 7, killedAt, killedAt, killedAt + 2, readyAt, drainedAt, 100L, 1000, null);
    }

    private static KillRecord notDrained(String target, double killedAt, double readyAt) {
        return new KillRecord(
                0, target, 7, killedAt, killedAt, killedAt + 2, readyAt, null, 100L, 1000, "lag not drained");
    }
}
