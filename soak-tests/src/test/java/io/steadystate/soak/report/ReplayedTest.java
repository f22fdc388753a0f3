package io.steadystate.soak.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.sampling.Counter;
import io.steadystate.soak.sampling.Counters;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.ServiceSample;
import io.steadystate.soak.stack.ServiceId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayedTest {

    @Test
    void ticksBetweenTheFirstAndLastSampleThatCarryMarketDataCounter() {
        List<Sample> samples = List.of(
                sample(0, null), sample(8, 1_000.0), sample(16, 145_000.0), sample(24, 289_000.0), sample(32, null));
        Replayed r = Replayed.of(samples);
        assertThat(r.ticks()).isEqualTo(288_000);
        assertThat(r.seconds()).isEqualTo(16);
        assertThat(r.perSecond()).isEqualTo(18_000);
        assertThat(r.describe()).isEqualTo("288,000 ticks replayed in 16 s (18,000 ticks/s)");
    }

    @Test
    void unknownWithoutTwoSamplesOfTheCounter() {
        assertThat(Replayed.of(List.of(sample(0, null), sample(8, 5.0)))).isNull();
        assertThat(Replayed.of(List.of())).isNull();
    }

    private static Sample sample(double elapsed, Double ticks) {
        ServiceSample market = new ServiceSample(
                ServiceId.MARKET_DATA.module(),
                true,
                20e6,
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
                ticks == null ? Counters.NONE : Counters.of(Map.of(Counter.TICKS_PUBLISHED, ticks)),
                null);
        return new Sample((int) elapsed, 0, elapsed, null, 0, List.of(market), Map.of());
    }
}
