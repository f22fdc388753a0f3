package io.steadystate.marketdata.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pacer's arithmetic, with elapsed time given: no thread, no sleep. */
class PacerTest {

    private static final long MS = 1_000_000L;

    @Test
    void unthrottledTheBudgetIsElapsedTimesSpeedAndAFullChunkOfTicks() {
        Pacer pacer = new Pacer();
        assertThat(pacer.grant(10 * MS, 60, 0)).isTrue();
        assertThat(pacer.budgetNanos()).isEqualTo(600 * MS);
        assertThat(pacer.maxTicks()).isEqualTo(Pacer.CHUNK_TICKS);
    }

    @Test
    void unspentBudgetCarriesOverWhenTheTimeBudgetEndedTheGrant() {
        Pacer pacer = new Pacer();
        pacer.grant(MS, 0.5, 0); // 0.5 ms of simulated time
        pacer.played(3);
        pacer.grant(MS, 0.5, 0);
        assertThat(pacer.budgetNanos())
                .as("only the fraction below 1 ns is carried")
                .isEqualTo(MS / 2);
    }

    @Test
    void aStallCountsAsAtMostOneSecond() {
        Pacer pacer = new Pacer();
        pacer.grant(30_000 * MS, 1, 0);
        assertThat(pacer.budgetNanos()).isEqualTo(1_000 * MS);
        assertThat(pacer.grantedElapsedNanos()).isEqualTo(1_000 * MS);
    }

    @Test
    void theTickCapIsATokenBucketOfFiftyMillisecondsAndDropsTheRestOfTheBudget() {
        Pacer pacer = new Pacer();
        assertThat(pacer.grant(10 * MS, 1e9, 1_000)).isTrue(); // 10 tokens
        assertThat(pacer.maxTicks()).isEqualTo(10);
        pacer.played(10); // the cap ended the grant: the simulated clock slows, no backlog
        assertThat(pacer.grant(0, 1e9, 1_000)).isFalse();
        assertThat(pacer.budgetNanos()).isZero();
        // a long gap fills the bucket to 50 ms of the cap, not more
        pacer.grant(10_000 * MS, 1e9, 1_000);
        assertThat(pacer.maxTicks()).isEqualTo(50);
    }

    @Test
    void aSmallCapStillAllowsOneTickAtATime() {
        Pacer pacer = new Pacer();
        pacer.grant(1_000 * MS, 1, 5);
        assertThat(pacer.maxTicks()).isEqualTo(1); // 50 ms of 5/s is 0.25: the bucket holds at least one token
    }

    @Test
    void switchingFromUnthrottledToACapStartsFromAnEmptyBucketNotADebt() {
        Pacer pacer = new Pacer();
        for (int i = 0; i < 1_000; i++) {
            pacer.grant(MS, 1e9, 0);
            pacer.played(Pacer.CHUNK_TICKS); // millions of ticks played unthrottled
        }
        assertThat(pacer.grant(10 * MS, 1e9, 1_000))
                .as("the cap applies at once, without a stall")
                .isTrue();
        assertThat(pacer.maxTicks()).isEqualTo(10);
    }

    @Test
    void resetForgetsBudgetAndTokens() {
        Pacer pacer = new Pacer();
        pacer.grant(500 * MS, 1, 1_000);
        pacer.reset();
        assertThat(pacer.grant(0, 1, 1_000)).isFalse();
        assertThat(pacer.budgetNanos()).isZero();
        assertThat(pacer.maxTicks()).isZero();
    }

    @Test
    void onlyAFullChunkMeansTheDriverIsBehind() {
        assertThat(Pacer.behind(Pacer.CHUNK_TICKS)).isTrue();
        assertThat(Pacer.behind(Pacer.CHUNK_TICKS - 1)).isFalse();
    }
}
