package io.steadystate.soak.verdict;

/**
 * Post-GC heap against one driver over the judged window.
 *
 * @param mbPerUnit        Theil–Sen slope in MB per one driver event, with its block-bootstrap 95 % CI
 * @param replayed         how many driver events the window replayed (a fit on a handful says little)
 * @param productionPerDay driver events per production day (the workload)
 * @param perProductionDay {@code mbPerUnit × productionPerDay}: MB per production day if this driver causes it
 * @param scatterMb        median absolute residual of the fit: the driver that explains the heap best has least
 * @param residualsMb      the absolute residuals in sample order (empty when not known), so that two drivers
 *                         fitted on the same window can be compared sample by sample ({@link SignTest})
 */
public record DriverFit(
        Driver driver,
        SlopeInterval mbPerUnit,
        double replayed,
        double productionPerDay,
        SlopeInterval perProductionDay,
        double scatterMb,
        double[] residualsMb) {

    public DriverFit {
        if (!(replayed > 0) || !(productionPerDay > 0) || !(scatterMb >= 0)) {
            throw new IllegalArgumentException("a driver fit needs replayed > 0, productionPerDay > 0, scatter >= 0");
        }
        residualsMb = residualsMb == null ? new double[0] : residualsMb.clone();
    }

    /** A fit known only by its summary (a report written before residuals were kept, a test's hand-made fit). */
    public DriverFit(
            Driver driver,
            SlopeInterval mbPerUnit,
            double replayed,
            double productionPerDay,
            SlopeInterval perProductionDay,
            double scatterMb) {
        this(driver, mbPerUnit, replayed, productionPerDay, perProductionDay, scatterMb, new double[0]);
    }

    @Override
    public double[] residualsMb() {
        return residualsMb.clone();
    }

    /** Bytes per driver event (1 MB = 2^20 bytes), for "a leak of 26 bytes per tick". */
    public double bytesPerUnit() {
        return mbPerUnit.slope() * 1024 * 1024;
    }
}
