package io.steadystate.soak.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.sampling.Counter;
import io.steadystate.soak.sampling.Counters;
import io.steadystate.soak.sampling.MarketClock;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.ServiceSample;
import io.steadystate.soak.sampling.StoreSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowHealthTest {

    /** order-service every 10 s: cumulative accepted/rejected/rate-limit counters, open brackets; start = process. */
    private static Sample sample(
            int i, double start, double accepted, double rejected, double rateLimit, double brackets) {
        ServiceSample order = new ServiceSample(
                "order-service",
                true,
                1e7,
                1e7,
                1e7,
                1e6,
                1e8,
                0.0,
                0.0,
                0.0,
                start,
                0,
                Map.of("order-open-brackets", new StoreSample(brackets, 10_000, 0, 0, Map.of())),
                new Counters(
                        Map.of(
                                Counter.SIGNALS_ACCEPTED,
                                accepted,
                                Counter.SIGNALS_REJECTED,
                                rejected,
                                Counter.OPEN_POSITIONS,
                                brackets),
                        Map.of("rate_limit", rateLimit),
                        Map.of()),
                null);
        return new Sample(i, 0, i * 10.0, MarketClock.UNKNOWN, i / 10.0, List.of(order), Map.of());
    }

    @Test
    void aHealthyRecoveryAfterARestartPassesWithRatesFromDeltasOfEachProcess() {
        List<Sample> s = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            s.add(sample(i, 100, 90 * i, 10 * i, 0, 200));
        }
        for (int i = 10; i < 20; i++) { // restarted at 100 s: counters from zero again
            s.add(sample(i, 200, 90 * (i - 10), 10 * (i - 10), 0, 190));
        }
        FlowHealth.Result r = FlowHealth.judge(s, 0, 95, 110);
        assertThat(r.check().passed()).as(r.check().detail()).isTrue();
        assertThat(r.afterRecovery().acceptanceRate()).isEqualTo(0.9);
        assertThat(r.steady().signals()).isEqualTo(900);
    }

    @Test
    void theCollapseOfTheIssueFailsNamingBracketsAndTheRejectReason() {
        List<Sample> s = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            s.add(sample(i, 100, 90 * i, 10 * i, 0, 222));
        }
        for (int i = 10; i < 20; i++) { // one far-future tick: brackets expire, every order rejected rate_limit
            s.add(sample(i, 100, 810, 90 + 100 * (i - 9), 100 * (i - 9), 10));
        }
        FlowHealth.Result r = FlowHealth.judge(s, 0, 95, 100);
        assertThat(r.check().passed()).isFalse();
        assertThat(r.collapses())
                .anyMatch(c -> c.startsWith("open brackets collapsed 222 → 10"))
                .anyMatch(c -> c.startsWith("acceptance rate collapsed"))
                .anyMatch(c -> c.startsWith("reject reason rate_limit surged"));
    }

    @Test
    void tooFewSignalsIsSaidNotJudged() {
        List<Sample> s = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            s.add(sample(i, 100, i, 0, 0, 1));
        }
        FlowHealth.Result r = FlowHealth.judge(s, 0, 30, 30);
        assertThat(r.notJudged()).contains("not judged");
        assertThat(r.check().detail()).contains("not judged");
    }
}
