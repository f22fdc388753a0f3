package io.steadystate.soak.verdict;

import java.util.List;

/**
 * The verdict's answer in production units: will this heap fill, and when.
 *
 * @param governing        the driver the verdict rests on (see {@link ProductionProjector})
 * @param fits             every driver that moved during the window
 * @param perProductionDay MB per production day with its 95 % CI (for BOUNDED_FILLING: of the flat part, or of what
 *                         the stores do not explain)
 * @param heapNowMb        the fitted post-GC heap at the end of the run
 * @param daysUntilFull    at the point estimate; {@code soonest}/{@code latest} at the CI bounds (Infinity: never)
 * @param extraWallMinutes for INCONCLUSIVE: wall minutes more at this rate that should separate CI and budget
 * @param stores           when the heap's growth follows the service's bounded stores: that fit (the verdict is
 *                         then on what the stores do not explain); null otherwise
 */
public record Projection(
        Outcome outcome,
        Shape shape,
        Driver governing,
        List<DriverFit> fits,
        SlopeInterval perProductionDay,
        double budgetMbPerDay,
        double heapNowMb,
        double heapMb,
        double daysUntilFull,
        double daysUntilFullSoonest,
        double daysUntilFullLatest,
        double extraWallMinutes,
        String explanation,
        StoreFilling stores) {

    public Projection {
        fits = List.copyOf(fits);
        if (!(budgetMbPerDay > 0) || !(heapMb > 0)) {
            throw new IllegalArgumentException("budget and heap must be positive");
        }
        if (perProductionDay != null && governing == null) {
            throw new IllegalArgumentException("a projection with a slope names the driver it rests on");
        }
    }
}
