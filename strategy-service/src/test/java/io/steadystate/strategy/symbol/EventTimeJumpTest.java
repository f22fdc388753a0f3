package io.steadystate.strategy.symbol;

import static io.steadystate.strategy.Fixtures.DAY;
import static io.steadystate.strategy.Fixtures.MINUTE;
import static io.steadystate.strategy.Fixtures.WEDNESDAY;
import static io.steadystate.strategy.Fixtures.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.SessionOpened;
import io.steadystate.strategy.Fixtures;
import io.steadystate.strategy.signals.SignalSink;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One well-formed event far ahead must not move the clock that idle expiry and bar boundaries run on. */
class EventTimeJumpTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SymbolBook book = Fixtures.book(registry);
    private final long t0 = WEDNESDAY + 10 * 60 * MINUTE;

    private double expired() {
        return registry.get("steadystate.store.evictions")
                .tag("store", SymbolBook.STORE)
                .tag("cause", "expired")
                .counter()
                .count();
    }

    private void feed(String symbol, long from, int ticks) {
        for (int i = 0; i < ticks; i++) {
            book.apply(tick(symbol, from + i * 5_000L, 100 + (i % 7)), 0, SignalSink.DISCARD);
        }
    }

    @Test
    void aTickDatedTwentyOneNinetyNineIsRefusedAndExpiresNobody() {
        feed("ACME", t0, 20);
        feed("BETA", t0, 20);
        long clock = book.clock().nowMillis();
        long year2199 = Instant.parse("2199-01-04T14:30:00Z").toEpochMilli();

        assertThat(book.problemWith(tick("ACME", year2199, 100))).contains("outside the window");
        assertThatThrownBy(() -> book.apply(tick("ACME", year2199, 100), 0, SignalSink.DISCARD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing changed");
        book.apply(new SessionOpened(clock + MINUTE, 1), 0, SignalSink.DISCARD);

        assertThat(book.clock().nowMillis()).isEqualTo(clock + MINUTE);
        assertThat(expired()).isZero();
        assertThat(book.size()).isEqualTo(2);
    }

    @Test
    void aJumpBeyondTheMaxStepIsRefusedAndTheWeekendJumpIsNot() {
        feed("ACME", t0, 5);
        long clock = book.clock().nowMillis();

        assertThatThrownBy(() -> book.apply(tick("ACME", clock + 8 * DAY, 100), 0, SignalSink.DISCARD))
                .hasMessageContaining("ahead of the event clock");
        assertThat(book.clock().nowMillis()).isEqualTo(clock);

        book.apply(tick("ACME", clock + 3 * DAY, 100), 0, SignalSink.DISCARD);
        assertThat(book.clock().nowMillis()).isEqualTo(clock + 3 * DAY);
    }

    @Test
    void aBackwardsTickIsAppliedButDoesNotRewindTheClock() {
        feed("ACME", t0, 5);
        long clock = book.clock().nowMillis();

        book.apply(tick("ACME", clock - 30 * DAY, 100), 0, SignalSink.DISCARD);

        assertThat(book.clock().nowMillis()).isEqualTo(clock);
    }
}
