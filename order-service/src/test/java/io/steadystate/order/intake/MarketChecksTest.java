package io.steadystate.order.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.event.Side;
import org.junit.jupiter.api.Test;

class MarketChecksTest {

    @Test
    void aPriceWithinATenthToTenTimesTheLastPriceIsNotAbsurd() {
        assertThat(MarketChecks.absurdPrice(100, 10, 1000, 95, 110)).isNull();
        assertThat(MarketChecks.absurdPrice(100, 9.99)).contains("price 9.99 is absurd against the last price 100.0");
        assertThat(MarketChecks.absurdPrice(100, 95, 1000.01)).contains("price 1000.01 is absurd");
    }

    @Test
    void aBuyBracketNeedsItsStopBelowAndItsTargetAboveTheEntryAndASellTheMirror() {
        assertThat(MarketChecks.bracketSideProblem(Side.BUY, 100, 95, 110)).isNull();
        assertThat(MarketChecks.bracketSideProblem(Side.SELL, 100, 105, 90)).isNull();
        assertThat(MarketChecks.bracketSideProblem(Side.BUY, 100, 105, 90))
                .startsWith("bracket on the wrong side: a BUY needs stopLoss < entry < takeProfit");
        assertThat(MarketChecks.bracketSideProblem(Side.SELL, 100, 95, 110))
                .startsWith("bracket on the wrong side: a SELL needs takeProfit < entry < stopLoss");
        assertThat(MarketChecks.bracketSideProblem(Side.BUY, 100, 100, 110))
                .as("the stop at the entry")
                .isNotNull();
    }
}
