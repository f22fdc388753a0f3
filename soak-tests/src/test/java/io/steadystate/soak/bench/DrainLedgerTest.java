package io.steadystate.soak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrainLedgerTest {

    private static PipelineProbe.Counters c(double published, double first, double second) {
        return new PipelineProbe.Counters(published, first, second);
    }

    @Test
    void afterADiscardTheNextStepCanDrainAgain() {
        DrainLedger ledger = new DrainLedger();
        // an unthrottled step: 1M published, the stages processed 300k and 250k, then the backlog was deleted
        assertThat(DrainLedger.drained(ledger.adjust(c(1_000_000, 300_000, 250_000))))
                .isFalse();
        assertThat(ledger.settledAfterDiscard(c(1_000_000, 310_000, 260_000))).isEqualTo(740_000);
        // next step: 50k more published and processed by both stages — drained, although raw counts lag forever
        PipelineProbe.Counters raw = c(1_050_000, 360_000, 310_000);
        assertThat(DrainLedger.drained(raw))
                .as("raw counters never catch up after deleteRecords")
                .isFalse();
        assertThat(DrainLedger.drained(ledger.adjust(raw))).isTrue();
    }

    @Test
    void theDropIsTheSkippedTicksNotTheLogOffsets() {
        DrainLedger ledger = new DrainLedger();
        ledger.settledAfterDiscard(c(1_000, 600, 900));
        // second discard: 2,000 more published; the first stage skips 1,500 more, the second 100 more
        double dropped = ledger.settledAfterDiscard(c(3_000, 1_100, 2_800));
        assertThat(dropped).isEqualTo(1_500); // first stage: 3,000 − 1,100 − 400 already credited
        assertThat(ledger.discarded()).isEqualTo(400 + 1_500);
        assertThat(ledger.adjust(c(3_000, 1_100, 2_800))).isEqualTo(c(3_000, 3_000, 3_000));
    }

    @Test
    void aDiscardOfNothingDropsNothing() {
        DrainLedger ledger = new DrainLedger();
        assertThat(ledger.settledAfterDiscard(c(500, 500, 500))).isZero();
        assertThat(ledger.adjust(c(600, 600, 600))).isEqualTo(c(600, 600, 600));
    }
}
