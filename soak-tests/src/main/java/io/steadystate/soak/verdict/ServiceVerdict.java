package io.steadystate.soak.verdict;

import io.steadystate.soak.sampling.ClassHistogram;
import java.util.List;

/**
 * Everything said about one service: the projection to a production day (the verdict), the heap slope per
 * simulated day and per million events (context), the RSS verdict, and on growth the classes and stores that
 * grew. {@code outcome} is the projection's outcome made LEAK by any failed check of this service.
 */
public record ServiceVerdict(
        String service,
        Outcome outcome,
        Projection projection,
        SlopeVerdict heap,
        SlopeVerdict rss,
        List<ClassHistogram.Growth> growingClasses,
        List<String> growingStores,
        String histogramFirst,
        String histogramLast) {}
