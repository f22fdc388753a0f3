package io.steadystate.soak.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steadystate.soak.profile.Profile;
import io.steadystate.soak.profile.ProfileCatalog;
import io.steadystate.soak.sampling.Counter;
import io.steadystate.soak.sampling.Counters;
import io.steadystate.soak.sampling.MarketClock;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.ServiceSample;
import io.steadystate.soak.stack.FakeMarket;
import io.steadystate.soak.stack.MarketClient;
import io.steadystate.soak.stack.RunFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the session does with market-data's control API: start, bursts, stop-and-drain — against {@link FakeMarket}. */
class MarketControlTest {

    private static final Duration POLL = Duration.ofMillis(1);

    private final FakeMarket market = new FakeMarket();
    private final List<String> notes = new ArrayList<>();
    private final MarketControl control = new MarketControl(market, notes);
    private final PrintStream out = new PrintStream(new ByteArrayOutputStream());

    @Test
    void startingAMarketThatAlreadyRunsIsAsGoodAsStartingIt() {
        market.running();
        control.start();
        assertThat(market.state()).isEqualTo(FakeMarket.State.RUNNING);
        assertThat(market.calls()).containsExactly("POST /market/start");
    }

    @Test
    void aMarketThatRefusesOrCannotBeReachedFailsTheRunWithTheRequestNamed() {
        market.refuseNext(404);
        assertThatThrownBy(control::start)
                .isInstanceOf(RunFailure.class)
                .hasMessageStartingWith("POST /market/start → HTTP 404")
                .hasMessageContaining("control API yet");
        market.unreachable(true);
        assertThatThrownBy(control::start)
                .isInstanceOf(RunFailure.class)
                .hasMessage("POST /market/start failed: Connection refused");
    }

    @Test
    void aBurstMultipliesTheRateForItsLengthOfEveryPeriodAfterTheFirstAndThenRestoresIt() {
        Profile p = ProfileCatalog.builtIn().get("burst"); // every 2 min, ×5 for 20 s
        double base = p.ticksPerSymbolPerSecond();
        boolean bursting = false;
        for (double t : new double[] {0, 10, 60, 119, 120, 125, 139, 140, 200, 240, 241}) {
            bursting = control.burst(p, t, bursting);
        }
        assertThat(market.rates())
                .containsExactly(
                        MarketClient.RateChange.ticksPerSymbolPerSecond(base * 5), // at 120 s
                        MarketClient.RateChange.ticksPerSymbolPerSecond(base), // at 140 s
                        MarketClient.RateChange.ticksPerSymbolPerSecond(base * 5)); // at 240 s
        assertThat(bursting).isTrue();
        assertThat(notes).isEmpty();
    }

    @Test
    void aRateChangeThatFailsIsANoteAndTheBurstStateStillAdvances() {
        Profile p = ProfileCatalog.builtIn().get("burst");
        market.refuseNext(400);
        assertThat(control.burst(p, 121, false)).isTrue();
        assertThat(notes)
                .singleElement()
                .asString()
                .startsWith("rate change during a burst: PUT /market/rate → HTTP 400");
    }

    @Test
    void theDrainStopsTheMarketAndReturnsTheFirstSampleWithNoLagAndCountersAtRest() {
        market.running();
        Supplier<Sample> samples =
                samples(sample(0, 40, 100), sample(1, 0, 140), sample(2, 0, 150), sample(3, 0, 150), sample(4, 0, 150));
        Sample drained = control.drain(samples, true, out, POLL, Duration.ofSeconds(10));
        assertThat(market.state()).isEqualTo(FakeMarket.State.STOPPED);
        assertThat(drained.seq()).isEqualTo(3); // lag 0 at 1 already, but the counters still moved until 2
        assertThat(notes).isEmpty();
    }

    @Test
    void aDrainThatNeverSettlesReturnsTheLastSampleAndSaysSo() {
        market.running();
        int[] n = {0};
        Sample drained = control.drain(() -> sample(n[0]++, 7, n[0] * 10), true, out, POLL, Duration.ofMillis(50));
        assertThat(drained).isNotNull();
        assertThat(drained.consumerLag()).containsEntry("order-service", 7L);
        assertThat(notes).singleElement().asString().startsWith("consumer lag did not drain within 0 s");
    }

    @Test
    void aStopThatFailsIsNotedAndTheDrainStillWaits() {
        market.running();
        market.unreachable(true);
        Sample drained =
                control.drain(samples(sample(0, 0, 5), sample(1, 0, 5)), true, out, POLL, Duration.ofSeconds(10));
        assertThat(drained.seq()).isEqualTo(1);
        assertThat(notes).containsExactly("stopping the market: POST /market/stop failed: Connection refused");
    }

    @Test
    void aDeployedMarketIsLeftRunningAndNotDrained() {
        market.running();
        assertThat(control.drain(
                        () -> {
                            throw new AssertionError("no sample");
                        },
                        false,
                        out,
                        POLL,
                        Duration.ofSeconds(1)))
                .isNull();
        assertThat(market.calls()).isEmpty();
        assertThat(notes).singleElement().asString().contains("event accounting is not checked");
    }

    private static Supplier<Sample> samples(Sample... s) {
        Iterator<Sample> it = List.of(s).iterator();
        return it::next;
    }

    private static Sample sample(int seq, long lag, double ticksProcessed) {
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
                1.0,
                ticksProcessed,
                Map.of(),
                Counters.of(Map.of(Counter.TICKS_PROCESSED, ticksProcessed)),
                null);
        return new Sample(seq, 0, seq, MarketClock.UNKNOWN, 0, List.of(order), Map.of("order-service", lag));
    }
}
