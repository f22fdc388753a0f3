package io.steadystate.soak.verdict;

/**
 * A slope with its 95% confidence interval, in the units of y per unit of x.
 *
 * @param blockLength the bootstrap block length (samples) used to keep autocorrelation in the resamples
 */
public record SlopeInterval(double slope, double intercept, double lower, double upper, int n, int blockLength) {

    public double halfWidth() {
        return (upper - lower) / 2;
    }

    public SlopeInterval scaled(double factor) {
        return factor >= 0
                ? new SlopeInterval(slope * factor, intercept, lower * factor, upper * factor, n, blockLength)
                : new SlopeInterval(slope * factor, intercept, upper * factor, lower * factor, n, blockLength);
    }
}
