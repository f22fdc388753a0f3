package io.steadystate.soak.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SignTestTest {

    @Test
    void upperTailIsTheBinomialTailAtOneHalf() {
        assertThat(SignTest.upperTail(0, 15)).isEqualTo(1.0);
        assertThat(SignTest.upperTail(12, 15)).isCloseTo(576.0 / 32768, within(1e-12));
        assertThat(SignTest.upperTail(15, 15)).isCloseTo(1.0 / 32768, within(1e-15));
        assertThat(SignTest.upperTail(1001, 2000))
                .as("long runs neither underflow nor exceed 1")
                .isBetween(0.45, 0.5);
    }

    @Test
    void aFitWorseAtAlmostEverySampleIsConsistentlyWorseOneWorseByChanceIsNot() {
        double[] base = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        double[] thirteenOf15 = base.clone();
        double[] nineOf15 = base.clone();
        for (int i = 0; i < 15; i++) {
            thirteenOf15[i] = i < 13 ? 0.6 : 0.4;
            nineOf15[i] = i < 9 ? 2.0 : 0.1;
        }
        assertThat(SignTest.consistentlyWorse(thirteenOf15, base))
                .as("p = 0.0037")
                .isTrue();
        assertThat(SignTest.consistentlyWorse(nineOf15, base))
                .as("far larger where larger, but at 9 of 15 only: p = 0.30")
                .isFalse();
        assertThat(SignTest.consistentlyWorse(base, base))
                .as("all ties: nothing differs")
                .isFalse();
    }

    @Test
    void fitsWithoutResidualsOrOverOtherSamplesAreNotPaired() {
        assertThat(SignTest.pairable(new double[0], new double[0])).isFalse();
        assertThat(SignTest.pairable(new double[3], new double[4])).isFalse();
        assertThat(SignTest.consistentlyWorse(new double[] {1, 1, 1}, new double[] {0, 0}))
                .isFalse();
    }
}
