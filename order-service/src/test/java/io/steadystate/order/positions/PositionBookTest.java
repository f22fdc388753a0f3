package io.steadystate.order.positions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.steadystate.core.event.Position;
import io.steadystate.core.event.Side;
import org.junit.jupiter.api.Test;

class PositionBookTest {

    @Test
    void addingAveragesThePriceAndReducingRealisesPnl() {
        PositionBook p = new PositionBook("ACME", 11);
        p.apply(Side.BUY, 10, 100, 1);
        p.apply(Side.BUY, 10, 110, 2);
        assertThat(p.snapshot().averagePrice()).isEqualTo(105);
        p.mark(120);
        assertThat(p.unrealisedPnl()).isEqualTo(20 * 15);
        p.apply(Side.SELL, 5, 120, 3);
        assertThat(p.realisedPnl()).isEqualTo(75);
        assertThat(p.quantity()).isEqualTo(15);
        p.apply(Side.SELL, 15, 100, 4);
        assertThat(p.isFlat()).isTrue();
        assertThat(p.realisedPnl()).isCloseTo(75 - 75, within(1e-9));
    }

    @Test
    void shortPositionGainsWhenThePriceFallsAndFlipsAtTheFillPrice() {
        PositionBook p = new PositionBook("ACME", 11);
        p.apply(Side.SELL, 10, 100, 1);
        p.apply(Side.BUY, 15, 90, 2);
        assertThat(p.realisedPnl()).isEqualTo(100);
        assertThat(p.quantity()).isEqualTo(5);
        assertThat(p.snapshot().averagePrice()).isEqualTo(90);
    }

    @Test
    void aFillThatWouldOverflowThePnlIsNamedAndChangesNothing() {
        PositionBook p = PositionBook.of(new Position("ACME", 11, 10, 100, Double.MAX_VALUE / 2, 0, 100, 1));
        Position before = p.snapshot();

        assertThat(p.problemWithFill(Side.SELL, 10, Double.MAX_VALUE / 10, 100)).contains("ACME|11 would become");
        assertThat(p.problemWithFill(Side.SELL, 10, 120, 100)).isNull();
        assertThat(p.snapshot()).isEqualTo(before);
    }

    @Test
    void aMarkThatWouldMakeTheUnrealisedPnlInfiniteIsNamed() {
        PositionBook p = new PositionBook("ACME", 11);
        p.apply(Side.BUY, 10, 100, 1);
        assertThat(p.problemWithMark(Double.MAX_VALUE)).contains("unrealised PnL");
        assertThat(p.problemWithMark(150)).isNull();
        assertThat(p.lastPrice()).isEqualTo(100);
    }
}
