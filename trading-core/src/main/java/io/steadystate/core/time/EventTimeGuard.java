package io.steadystate.core.time;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether an event time may enter a service: before anything is mutated, so a refused record moves
 * no clock, no rate limiter and no expiry. A pure function of the event time and the service's own
 * {@link EventClock}; the caller dead-letters the record with the returned problem (reason VALIDATION).
 *
 * <p>The rules, in order:
 * <ol>
 *   <li><b>Absolute window</b> {@code [floor, ceiling)}: outside it an event time is not a market date at all
 *       (default 2000-01-01 .. 2100-01-01). This is the only rule for the <b>first event</b> of an instance whose
 *       clock has not started: there is nothing to compare it with. order-service starts its clock from the
 *       compacted topics on recovery, so only a fresh, empty instance relies on the window alone.</li>
 *   <li><b>Bounded forward step</b>: at most {@code maxStep} ahead of the clock. The market-data calendar skips
 *       nights and weekends by jumping its event time to the next open (Friday close → Monday open is under
 *       three days); a real calendar adds holidays (a four-day Easter weekend, the four-day NYSE closure of
 *       September 2001: under seven days from close to open). Default seven days, configurable.</li>
 * </ol>
 * An event <b>behind</b> the clock is accepted: late input is legitimate (signals of a strategy instance that
 * restarted and lags, session events broadcast to every partition). It never rewinds anything — the clock
 * only moves forward and every consumer of event time takes the maximum.
 *
 * <p>Known limit: a legitimate gap longer than {@code maxStep} (the feed paused for more than a week of event
 * time) is refused record after record until the step is raised; the dead-letter counter shows it at once.
 */
public record EventTimeGuard(long floorMillis, long ceilingMillis, long maxStepMillis) {

    /** 2000-01-01T00:00:00Z. */
    public static final long DEFAULT_FLOOR = 946_684_800_000L;
    /** 2100-01-01T00:00:00Z. */
    public static final long DEFAULT_CEILING = 4_102_444_800_000L;

    public static final Duration DEFAULT_MAX_STEP = Duration.ofDays(7);

    public EventTimeGuard {
        if (floorMillis >= ceilingMillis) {
            throw new IllegalArgumentException("floor " + floorMillis + " must be before ceiling " + ceilingMillis);
        }
        if (maxStepMillis <= 0) {
            throw new IllegalArgumentException("max step must be positive, was " + maxStepMillis + " ms");
        }
    }

    /** The default window with a configured forward step. */
    public static EventTimeGuard withMaxStep(Duration maxStep) {
        return new EventTimeGuard(DEFAULT_FLOOR, DEFAULT_CEILING, maxStep.toMillis());
    }

    public static EventTimeGuard defaults() {
        return withMaxStep(DEFAULT_MAX_STEP);
    }

    /** Why {@code eventTimeMillis} must not enter a service whose clock is {@code clock}; null when it may. */
    public String problemWith(long eventTimeMillis, EventClock clock) {
        return problemWith(eventTimeMillis, clock.nowMillis());
    }

    /**
     * Why {@code eventTimeMillis} must not enter a service whose clock reads {@code clockMillis}
     * ({@link Long#MIN_VALUE}: not started); null when it may.
     */
    public String problemWith(long eventTimeMillis, long clockMillis) {
        if (eventTimeMillis < floorMillis || eventTimeMillis >= ceilingMillis) {
            return "eventTime " + eventTimeMillis + " (" + format(eventTimeMillis) + ") outside the window "
                    + format(floorMillis) + " .. " + format(ceilingMillis);
        }
        if (clockMillis == Long.MIN_VALUE || eventTimeMillis <= clockMillis) {
            return null;
        }
        // both lie in the window when the clock was fed through this guard; a clock set otherwise (recovery) may
        // not, so an overflowing difference counts as an infinite step
        long step = eventTimeMillis - clockMillis;
        if (step < 0 || step > maxStepMillis) {
            return "eventTime " + format(eventTimeMillis) + " jumps " + describe(step) + " ahead of the event clock "
                    + format(clockMillis) + " (max step " + Duration.ofMillis(maxStepMillis) + ")";
        }
        return null;
    }

    private static String describe(long step) {
        return step < 0 ? "beyond a long" : Duration.ofMillis(step).toString();
    }

    private static String format(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
