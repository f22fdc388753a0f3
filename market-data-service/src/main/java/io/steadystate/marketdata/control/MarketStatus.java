package io.steadystate.marketdata.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /market/status}. The first fields are the contract (docs/CONTRACTS.md); {@code simulatedTime} is an
 * ISO-8601 instant and {@code tradingDay} an ISO date, with their numeric forms beside them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarketStatus(
        String state,
        String simulatedTime,
        long simulatedTimeMillis,
        String tradingDay,
        long tradingEpochDay,
        long simulatedDays,
        int activeSymbols,
        Map<String, Long> eventsPublished,
        double ticksPerSecond,
        double speed,
        long maxTicksPerSecond,
        Double ticksPerSymbolPerSecond,
        String mode,
        boolean sessionOpen,
        long publishErrors,
        boolean kafkaReady,
        ReplayStatus replay) {

    /** {@code resumedPastLines}: lines a previous run had published, skipped by this one. */
    public record ReplayStatus(
            String file,
            long linesRead,
            long ticksReplayed,
            long malformedLines,
            long resumedPastLines,
            List<String> recentErrors,
            boolean finished) {}
}
