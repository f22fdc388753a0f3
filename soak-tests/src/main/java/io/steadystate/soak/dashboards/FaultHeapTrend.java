package io.steadystate.soak.dashboards;

import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.ServiceSample;
import io.steadystate.soak.verdict.TheilSen;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The leaking service's post-GC heap over the part of a fault run the alert rules are evaluated on, measured by the
 * harness's own forced-GC samples (not by the series the rules read): whether, at that wall-clock rate, it reaches
 * max heap within the hour — the condition of {@link AlertRulesOnRun#HEAP_GROWTH}. Only then must the fast rule
 * fire. A planted leak of 0.1 bytes per tick at 18,000 ticks/s grows ~6 MB an hour: a leak the verdict must call,
 * and one no page should wake anybody for.
 *
 * @param service   the module whose fault was on
 * @param levelMb   post-GC heap at the last sample
 * @param mbPerHour Theil–Sen slope over the steady part, MB per wall hour
 * @param heapMb    the service's max heap
 */
public record FaultHeapTrend(String service, double levelMb, double mbPerHour, double heapMb) {

    /** Null when the service has fewer than 4 post-GC samples in the steady part. */
    public static FaultHeapTrend of(List<Sample> samples, String service, double heapMb, double steadyFraction) {
        if (samples.isEmpty()) {
            return null;
        }
        double from = samples.get(0).elapsedSeconds()
                + steadyFraction
                        * (samples.get(samples.size() - 1).elapsedSeconds()
                                - samples.get(0).elapsedSeconds());
        List<double[]> points = new ArrayList<>();
        for (Sample s : samples) {
            ServiceSample ss = s.service(service);
            if (s.elapsedSeconds() >= from && ss != null && ss.alive() && ss.postGcHeapBytes() != null) {
                points.add(new double[] {s.elapsedSeconds() / 3600, ss.postGcHeapBytes() / 1048576.0});
            }
        }
        if (points.size() < 4) {
            return null;
        }
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        return new FaultHeapTrend(service, y[y.length - 1], TheilSen.slope(x, y), heapMb);
    }

    /** predict_linear(…, 3600) > 1 of max heap, on the harness's own samples. */
    public boolean fillsWithinHour() {
        return levelMb + mbPerHour > heapMb;
    }

    public String describe() {
        return String.format(
                Locale.ROOT,
                "post-GC heap %.0f MB of %.0f MB, growing %+.1f MB per wall hour (the " + "harness's samples)",
                levelMb,
                heapMb,
                mbPerHour);
    }
}
