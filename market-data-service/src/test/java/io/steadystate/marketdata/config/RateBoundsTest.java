package io.steadystate.marketdata.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import org.junit.jupiter.api.Test;

/** The configuration and the REST validation use the same bounds. */
class RateBoundsTest {

    @Test
    void theConfigurationIsValidatedWithTheRateBounds() throws NoSuchMethodException {
        assertThat(MarketConfig.class
                        .getMethod("speed")
                        .getAnnotation(DecimalMax.class)
                        .value())
                .isEqualTo(RateBounds.MAX_SPEED);
        assertThat(MarketConfig.class
                        .getMethod("ticksPerSymbolPerSecond")
                        .getAnnotation(DecimalMax.class)
                        .value())
                .isEqualTo(RateBounds.MAX_TICKS_PER_SYMBOL_PER_SECOND);
        assertThat(MarketConfig.class
                        .getMethod("maxTicksPerSecond")
                        .getAnnotation(Max.class)
                        .value())
                .isEqualTo(RateBounds.MAX_TICKS_PER_SECOND);
    }

    @Test
    void valuesAtTheBoundsPassAndValuesBeyondThemDoNot() {
        assertThat(RateBounds.checkSpeed(1e12)).isNull();
        assertThat(RateBounds.checkSpeed(1.1e12)).contains("speed");
        assertThat(RateBounds.checkSpeed(0)).contains("speed");
        assertThat(RateBounds.checkSpeed(Double.NaN)).contains("speed");
        assertThat(RateBounds.checkMaxTicksPerSecond(0)).isNull();
        assertThat(RateBounds.checkMaxTicksPerSecond(RateBounds.MAX_TICKS_PER_SECOND))
                .isNull();
        assertThat(RateBounds.checkMaxTicksPerSecond(RateBounds.MAX_TICKS_PER_SECOND + 1))
                .contains("maxTicksPerSecond");
        assertThat(RateBounds.checkMaxTicksPerSecond(2.5)).contains("whole number");
        assertThat(RateBounds.checkMaxTicksPerSecond(-5)).contains("maxTicksPerSecond");
        assertThat(RateBounds.checkTicksPerSymbolPerSecond(10_000)).isNull();
        assertThat(RateBounds.checkTicksPerSymbolPerSecond(10_001)).contains("ticksPerSymbolPerSecond");
        assertThat(RateBounds.checkTicksPerSymbolPerSecond(0)).contains("ticksPerSymbolPerSecond");
    }
}
