package io.steadystate.marketdata.simulation;

import static io.steadystate.marketdata.simulation.Markets.HOUR_NANOS;
import static io.steadystate.marketdata.simulation.Markets.SESSION_NANOS;
import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.SessionClosed;
import io.steadystate.core.event.SymbolDelisted;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.state.ExitCause;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarketSimulatorTest {

    private final MarketEventSerde serde = new MarketEventSerde();

    /** originMicros is wall-clock metadata: the simulators here get a wall clock fixed at 0, so it is 0 in both runs. */
    @Test
    void sameSeedAndSettingsGiveAByteIdenticalEventStreamWhateverThePacing() {
        MarketSimulator a = Markets.simulator(7, 100, 0.1, 0.05);
        MarketSimulator b = Markets.simulator(7, 100, 0.1, 0.05);
        StreamDigest digestA = new StreamDigest(Long.MAX_VALUE);
        // two simulated days and a bit, in one call...
        a.advance(2 * SESSION_NANOS + HOUR_NANOS, Integer.MAX_VALUE, e -> digestA.add(serde.encode(e)));
        // ...versus many small, tick-capped calls (as the throttled driver makes them), cut at the same byte
        StreamDigest digestB = new StreamDigest(digestA.bytes);
        long calls = 0;
        while (digestB.bytes < digestA.bytes) {
            b.advance(37_000_000_000L, 997, e -> digestB.add(serde.encode(e)));
            calls++;
        }
        assertThat(calls).isGreaterThan(100);
        assertThat(digestA.bytes).isGreaterThan(10_000_000);
        assertThat(digestB.hex()).isEqualTo(digestA.hex());
    }

    /** SHA-256 of the first {@code limit} bytes of a stream of encoded events. */
    private static final class StreamDigest {
        private final MessageDigest sha;
        private final long limit;
        long bytes;

        StreamDigest(long limit) {
            this.limit = limit;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(byte[] encoded) {
            int n = (int) Math.min(encoded.length, limit - bytes);
            if (n > 0) {
                sha.update(encoded, 0, n);
            }
            bytes += encoded.length;
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    @Test
    void differentSeedsGiveDifferentMarkets() {
        List<MarketEvent> a = Markets.play(Markets.simulator(1, 50, 1, 0), HOUR_NANOS);
        List<MarketEvent> b = Markets.play(Markets.simulator(2, 50, 1, 0), HOUR_NANOS);
        assertThat(a).isNotEqualTo(b);
        assertThat(symbols(a)).isNotEqualTo(symbols(b));
    }

    @Test
    void everySymbolIsListedBeforeItsFirstTickAndSequencesIncreaseByOne() {
        List<MarketEvent> events = Markets.play(Markets.simulator(3, 100, 0.05, 0.1), SESSION_NANOS * 3);
        Set<String> listed = new HashSet<>();
        Map<String, Long> lastSequence = new HashMap<>();
        long lastTime = Long.MIN_VALUE;
        for (MarketEvent e : events) {
            assertThat(e.eventTime()).isGreaterThanOrEqualTo(lastTime);
            lastTime = e.eventTime();
            if (e instanceof SymbolListed l) {
                assertThat(listed.add(l.symbol())).isTrue();
            } else if (e instanceof Tick t) {
                assertThat(listed).contains(t.symbol());
                assertThat(t.sequence()).isEqualTo(lastSequence.getOrDefault(t.symbol(), 0L) + 1);
                lastSequence.put(t.symbol(), t.sequence());
                assertThat(t.bid()).isLessThanOrEqualTo(t.price());
                assertThat(t.ask()).isGreaterThanOrEqualTo(t.price());
                assertThat(t.size()).isPositive();
            }
        }
        assertThat(listed).hasSizeGreaterThan(100); // churn listed new names too
    }

    @Test
    void aDelistedSymbolGetsNoMoreTicksAndItsDelistingFollowsItsLastTick() {
        MarketSimulator simulator = Markets.simulator(11, 20, 1, 0);
        List<MarketEvent> events = new ArrayList<>(Markets.play(simulator, HOUR_NANOS));
        String victim = ((Tick) events.stream()
                        .filter(e -> e instanceof Tick)
                        .reduce((x, y) -> y)
                        .orElseThrow())
                .symbol();

        assertThat(simulator.delist(victim, "manual", events::add)).isTrue();
        int delistedAt = events.size() - 1;
        simulator.advance(HOUR_NANOS, Integer.MAX_VALUE, events::add);

        assertThat(events.get(delistedAt))
                .isInstanceOf(SymbolDelisted.class)
                .extracting(MarketEvent::symbol)
                .isEqualTo(victim);
        assertThat(events.subList(0, delistedAt))
                .anyMatch(e -> e instanceof Tick t && t.symbol().equals(victim));
        assertThat(events.subList(delistedAt + 1, events.size()))
                .noneMatch(e -> e.symbol().equals(victim));
        assertThat(simulator.universe().contains(victim)).isFalse();
        assertThat(simulator.universe().store().exits(ExitCause.REMOVED)).isEqualTo(1);
        assertThat(simulator.delist(victim, "manual", events::add))
                .as("second delisting")
                .isFalse();
    }

    @Test
    void churnReplacesTheConfiguredShareOfTheUniverseAndKeepsItNearTarget() {
        MarketSimulator simulator = Markets.simulator(5, 500, 0.01, 0.02);
        int min = Integer.MAX_VALUE;
        int max = 0;
        int delisted = 0;
        for (int day = 0; day < 20; day++) {
            for (int hour = 0; hour < 13; hour++) {
                for (MarketEvent e : Markets.play(simulator, HOUR_NANOS / 2)) {
                    if (e instanceof SymbolDelisted) {
                        delisted++;
                    }
                }
                min = Math.min(min, simulator.universe().size());
                max = Math.max(max, simulator.universe().size());
            }
        }
        assertThat(simulator.cursor().orElseThrow().sessionsClosed()).isEqualTo(20);
        // 2% of 500 = 10 replacements a day, i.e. 20 churn events a day of which about half are delistings
        assertThat(delisted).isBetween(20 * 10 - 40, 20 * 10 + 40);
        assertThat(min).isGreaterThanOrEqualTo(499);
        assertThat(max).isLessThanOrEqualTo(501);
        assertThat(simulator.universe().store().size())
                .isEqualTo(simulator.universe().size());
    }

    @Test
    void theUniverseReturnsToTargetAfterManualDelistings() {
        MarketSimulator simulator = Markets.simulator(6, 100, 0.05, 0.05);
        List<MarketEvent> events = new ArrayList<>(Markets.play(simulator, HOUR_NANOS));
        for (int i = 0; i < 5; i++) {
            simulator.delist(simulator.universe().at(0).symbol(), "manual", events::add);
        }
        assertThat(simulator.universe().size()).isEqualTo(95);
        Markets.play(simulator, 2 * SESSION_NANOS);
        assertThat(simulator.universe().size()).isBetween(99, 101);
    }

    @Test
    void tenThousandSymbolsTickWithBoundedState() {
        MarketSimulator simulator = Markets.simulator(9, 10_000, 1, 0.02);
        List<MarketEvent> events = new ArrayList<>();
        int ticks = simulator.advance(HOUR_NANOS, 200_000, events::add);
        assertThat(ticks).isEqualTo(200_000);
        assertThat(simulator.universe().size()).isEqualTo(10_000);
        assertThat(simulator.universe().store().size()).isEqualTo(10_000);
        assertThat(events).filteredOn(e -> e instanceof SymbolListed).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(events).noneMatch(e -> e instanceof SessionClosed);
    }

    private static Set<String> symbols(List<MarketEvent> events) {
        Set<String> symbols = new HashSet<>();
        events.forEach(e -> symbols.add(e.symbol()));
        return symbols;
    }
}
