package io.steadystate.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.state.ExitCause;
import io.steadystate.order.intake.SubmitResult.Outcome;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Ownership follows partitions at the engine level: revoking symbols drops everything they held with
 * {@link ExitCause#REVOKED} and publishes nothing (the new owner continues the brackets and positions); restoring
 * them from the compacted-topic view gives the same open orders back.
 */
class PartitionRevocationTest {

    private final EngineFixture f = new EngineFixture().listed("KEEP", 100).listed("GONE", 50);

    @Test
    void revokedSymbolsLeaveEveryStoreWithoutCancelsOrTombstones() {
        f.buy("KEEP", 11, 100);
        f.buy("GONE", 11, 50);
        f.buy("GONE", 12, 50);
        f.tick("KEEP", 100).tick("GONE", 50); // entries fill: positions, children working
        f.buy("GONE", 13, 50); // one entry still accepted
        int eventsBefore = f.sink.events.size();
        var openBefore = Set.copyOf(f.sink.openOrders.keySet());
        var positionsBefore = Set.copyOf(f.sink.positions.keySet());

        int dropped = f.engine.revokeSymbols("GONE"::equals);

        assertThat(dropped).isEqualTo(1);
        assertThat(f.sink.events).hasSize(eventsBefore); // no CANCELLED, nothing published
        assertThat(f.sink.openOrders.keySet()).isEqualTo(openBefore); // no open-order tombstones
        assertThat(f.sink.positions.keySet()).isEqualTo(positionsBefore);
        assertThat(f.sink.positionTombstones).isEmpty();
        assertThat(f.storeEntriesGauge("order-open-brackets")).isEqualTo(1);
        assertThat(f.storeEntriesGauge("order-positions")).isEqualTo(1);
        assertThat(f.storeEntriesGauge("order-symbols")).isEqualTo(1);
        assertThat(f.storeEntriesGauge("order-seen-ids")).isEqualTo(1); // KEEP's id only
        assertThat(f.engine.state().openBracketStore().exits(ExitCause.REVOKED)).isEqualTo(3);
        assertThat(f.engine.state().positionStore().exits(ExitCause.REVOKED)).isEqualTo(2);
        assertThat(f.engine.state().seenOrderIdStore().exits(ExitCause.REVOKED)).isEqualTo(3);
        assertThat(f.engine.state().openBracketStore().exits(ExitCause.REMOVED)).isZero();
        assertThat(f.engine.knowsSymbol("GONE")).isFalse();

        // gaining the partition back: the compacted-topic view restores the same brackets and positions
        f.engine.beginRebuild();
        assertThat(f.engine.isRecovered())
                .as("incomplete state while rebuilding")
                .isFalse();
        f.engine.restore(
                f.sink.openOrders.values().stream()
                        .filter(e -> e.symbol().equals("GONE"))
                        .toList(),
                f.sink.positions.values().stream()
                        .filter(p -> p.symbol().equals("GONE"))
                        .toList(),
                java.util.Map.of(),
                Long.MIN_VALUE);
        f.engine.endRebuild();
        assertThat(f.engine.isRecovered()).isTrue();
        assertThat(f.openBrackets()).isEqualTo(4);
        assertThat(f.engine.state().positionStore().size()).isEqualTo(3);
        // the restored brackets are recognised (no second bracket for a redelivered signal) and keep trading
        assertThat(f.buy("GONE", 11, 50).outcome()).isEqualTo(Outcome.REJECTED); // slot busy: its bracket is back
        f.tick("GONE", 60); // take-profit of GONE/11 and /12 (55), entry of /13 fills
        assertThat(f.sink.events.stream()
                        .filter(e -> e.symbol().equals("GONE") && e.status() == OrderStatus.FILLED)
                        .map(e -> e.role().name())
                        .toList())
                .containsAll(List.of("TAKE_PROFIT", "TAKE_PROFIT"));
    }
}
