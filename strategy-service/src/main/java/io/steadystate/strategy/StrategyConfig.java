package io.steadystate.strategy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * {@code steadystate.strategy.*}: the bounds of the symbol store and the default parameter row of each strategy
 * (every timeframe starts from its strategy's row; {@code strategy.params} overrides single slots).
 */
@ConfigMapping(prefix = "steadystate.strategy")
public interface StrategyConfig {

    /** Hard bound of the symbol store; reaching it evicts (counted under cause=capacity, an alarm). */
    @WithDefault("5000")
    @Min(1)
    @Max(1_000_000)
    int maxSymbols();

    /** A symbol with no event for this long in event time leaves the store. Longer than a weekend. */
    @WithDefault("P4D")
    Duration idleExpiry();

    /**
     * Largest forward jump of event time one event may make past this instance's clock (trading-core
     * {@code EventTimeGuard}); an event jumping further is dead-lettered (VALIDATION) and moves nothing. Seven
     * days covers weekends and holiday closures of a session calendar.
     */
    @WithDefault("P7D")
    Duration maxEventTimeStep();

    /** Rise from the 4-hour low, in percent, that counts as a rally. */
    @WithDefault("1.5")
    @DecimalMin("0.01")
    double rallyThresholdPct();

    /** S1 defaults: period = slow EMA, secondary-period = fast EMA, threshold = spread in % that confirms a cross. */
    SlotDefaults trend();

    /** S2 defaults: period = channel length in bars, threshold = breakout margin in %. */
    SlotDefaults breakout();

    /** S3 defaults: period = RSI period, threshold = oversold level (overbought = 100 - threshold). */
    SlotDefaults meanReversion();

    interface SlotDefaults {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("100")
        @Positive
        double lotSize();

        int period();

        @WithDefault("0")
        int secondaryPeriod();

        double threshold();

        @WithDefault("1.0")
        double stopLossPct();

        @WithDefault("2.0")
        double takeProfitPct();
    }
}
