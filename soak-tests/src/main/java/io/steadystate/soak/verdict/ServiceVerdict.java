package io.steadystate.soak.verdict;

import io.steadystate.soak.sampling.ClassHistogram;

import java.util.List;

/**
 * Everything said about one service: the heap slope verdict, the RSS verdict, and on growth the classes and
 * stores that grew. {@code outcome} is the heap outcome made LEAK by any failed check of this service.
 */
public record ServiceVerdict(String service, Outcome outcome, SlopeVerdict heap, SlopeVerdict rss,
                             List<ClassHistogram.Growth> growingClasses, List<String> growingStores,
                             String histogramFirst, String histogramLast) {
}
