package io.steadystate.soak.bench;

import java.util.List;
import java.util.Map;

/**
 * A pipeline the bench drives the same way whichever it is — the services (market-data → strategy → order) or the
 * null pipeline of plain clients ({@link NullPipeline}): a source whose tick rate it sets, and two consumer stages
 * whose cumulative counts it reads. Both are judged by the same {@link RateStep} and flat-lag rule.
 */
interface BenchPipeline {

    /** "pipeline" or "null pipeline", for progress lines and notes. */
    String name();

    /** The two consumer stages, first (reads ticks, forwards a few) then second (reads ticks and forwards). */
    List<String> stages();

    /** Sets the source's tick cap (0 = unthrottled) and lets it publish. */
    void run(long targetPerSec);

    /** Stops the source; the consumers keep draining. */
    void pause();

    /** Cumulative ticks published, processed by the first stage, processed by the second stage. */
    PipelineProbe.Counters counters();

    /** Kafka's committed-offset lag per consumer group (information only). */
    Map<String, Long> lag();

    /** Deletes every record in the pipeline's topics (a backlog that would take minutes to drain). */
    void discardBacklog() throws Exception;
}
