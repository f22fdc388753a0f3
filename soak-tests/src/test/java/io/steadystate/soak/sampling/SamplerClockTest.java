package io.steadystate.soak.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.steadystate.soak.stack.FakeMarket;
import io.steadystate.soak.stack.RemoteStack;
import io.steadystate.soak.stack.ServiceEndpoint;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.Stack;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a sample's simulated clock comes from: market-data's gauges, else its status through the market client. */
class SamplerClockTest {

    @TempDir
    Path histograms;

    private final Stack stack =
            RemoteStack.parse("http://127.0.0.1:1,http://127.0.0.1:2,http://127.0.0.1:3", null, null);
    private final FakeMarket market = new FakeMarket().list("AAA", 10, 1).list("BBB", 20, 2);

    private static MetricsSource exporting(String marketText) {
        return new MetricsSource() {
            @Override
            public MetricSnapshot snapshot(ServiceEndpoint service) {
                return PrometheusText.parse(service.id() == ServiceId.MARKET_DATA ? marketText : "");
            }

            @Override
            public String describe() {
                return "test";
            }
        };
    }

    @Test
    void theGaugesAreTheClockAndTheMarketIsNotAsked() {
        try (Sampler s = new Sampler(
                stack,
                exporting("steadystate_marketdata_simulated_time_seconds 1.7E9\n"
                        + "steadystate_marketdata_simulated_days 12\nsteadystate_marketdata_active_symbols 40\n"),
                market,
                histograms,
                1440)) {
            Sample sample = s.sample(0, false);
            assertThat(sample.clock()).isEqualTo(new MarketClock(1.7e9, 12.0, 40.0));
            assertThat(market.calls()).isEmpty();
            assertThat(s.clockMeasured()).isTrue();
        }
    }

    @Test
    void withoutGaugesTheStatusIsTheClockAndSimulatedDaysCountFromTheFirstSample() {
        try (Sampler s = new Sampler(stack, exporting(""), market, histograms, 1440)) {
            market.simulatedTime("2026-01-05T14:30:00Z");
            Sample first = s.sample(0, false);
            market.simulatedTime("2026-01-06T14:30:00Z");
            Sample second = s.sample(1, false);
            assertThat(first.clock().simulatedDays()).isEqualTo(3.0);
            assertThat(first.clock().activeSymbols()).isEqualTo(2.0);
            assertThat(second.simDaysElapsed()).isEqualTo(1.0);
            assertThat(market.calls()).containsExactly("GET /market/status", "GET /market/status");
            assertThat(s.clockMeasured()).isTrue();
        }
    }

    @Test
    void withNeitherTheClockIsUnknownAndWallTimeTimesSpeedStandsIn() throws InterruptedException {
        market.unreachable(true);
        try (Sampler s = new Sampler(stack, exporting(""), market, histograms, 86_400)) {
            Thread.sleep(20);
            Sample sample = s.sample(0, false);
            assertThat(sample.clock()).isEqualTo(MarketClock.UNKNOWN);
            // a simulated day per wall second
            assertThat(sample.simDaysElapsed()).isPositive().isCloseTo(sample.elapsedSeconds(), within(1e-9));
            assertThat(s.clockMeasured()).isFalse();
        }
    }
}
