package io.steadystate.soak.stack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /market/status} as the harness reads it (docs/CONTRACTS.md "REST surfaces"). Every component is
 * nullable: a deployed market-data of an older build may leave fields out, and the harness then falls back on what it
 * can measure itself (the report says so).
 *
 * @param simulatedTime kept as JSON: market-data writes an ISO-8601 instant, older builds wrote epoch seconds or millis
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MarketStatus(
        String state,
        JsonNode simulatedTime,
        Double simulatedDays,
        Integer activeSymbols,
        Map<String, Long> eventsPublished,
        Double ticksPerSecond,
        Double speed,
        Long maxTicksPerSecond,
        Double ticksPerSymbolPerSecond,
        Boolean sessionOpen,
        Replay replay) {

    /** A replayed feed's progress; absent while the market is simulated. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Replay(
            String file,
            long linesRead,
            long ticksReplayed,
            long malformedLines,
            long resumedPastLines,
            List<String> recentErrors,
            boolean finished) {}

    /** The simulated clock in epoch seconds; null when market-data did not say (or said something unreadable). */
    public Double simulatedEpochSeconds() {
        return epochSeconds(simulatedTime);
    }

    /** {@code simulatedTime} may be epoch seconds, epoch millis or ISO-8601 (with or without the zone). */
    static Double epochSeconds(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            double v = n.asDouble();
            return v > 1e11 ? v / 1000.0 : v;
        }
        try {
            return Instant.parse(n.asText()).toEpochMilli() / 1000.0;
        } catch (RuntimeException e) {
            try {
                return LocalDateTime.parse(n.asText()).toInstant(ZoneOffset.UTC).toEpochMilli() / 1000.0;
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }
}
