package io.steadystate.soak.verdict;

/**
 * The heap verdict of one service.
 *
 * @param windowStart      index of the first sample after warm-up
 * @param perDay           MB per simulated day, with its 95% CI (null when the window was too short)
 * @param perMillionEvents MB per million events processed, with its 95% CI (null without an event count)
 * @param extraSimDays     for INCONCLUSIVE: how many more simulated days of steady state should separate the
 *                         CI from the budget (NaN when no run length would, e.g. the slope sits on the budget)
 * @param extraWallMinutes the same in wall-clock minutes at this run's speed
 */
public record SlopeVerdict(
        String service,
        String metric,
        Outcome outcome,
        int windowStart,
        int windowSize,
        double budgetMbPerDay,
        SlopeInterval perDay,
        SlopeInterval perMillionEvents,
        double extraSimDays,
        double extraWallMinutes,
        String explanation) {}
