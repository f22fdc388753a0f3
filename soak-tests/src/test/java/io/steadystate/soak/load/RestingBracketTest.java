package io.steadystate.soak.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestingBracketTest {

    @Test
    void aBuyRestsAtHalfTheQuoteWithItsStopBelowAndItsTargetAbove() {
        assertThat(RestingBracket.from(100, true)).isEqualTo(new RestingBracket("BUY", 50, 45, 55));
    }

    @Test
    void aSellRestsAtTwiceTheQuoteWithItsStopAboveAndItsTargetBelow() {
        assertThat(RestingBracket.from(100, false)).isEqualTo(new RestingBracket("SELL", 200, 220, 180));
    }

    @Test
    void everyPriceStaysInsideOrderServicesSanityBandAndHasFourDecimals() {
        for (double quote : new double[] {0.0137, 1, 33.33333, 999.99}) {
            for (boolean buy : new boolean[] {true, false}) {
                RestingBracket b = RestingBracket.from(quote, buy);
                for (double price : new double[] {b.limitPrice(), b.stopLoss(), b.takeProfit()}) {
                    assertThat(price / quote).isBetween(0.1, 10.0);
                    assertThat(Math.abs(price * 10_000 - Math.rint(price * 10_000)))
                            .isLessThan(1e-6);
                }
            }
        }
    }
}
