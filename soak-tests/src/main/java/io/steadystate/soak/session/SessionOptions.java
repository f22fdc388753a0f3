package io.steadystate.soak.session;

import io.steadystate.soak.chaos.ChaosPlan;
import io.steadystate.soak.profile.Profile;
import io.steadystate.soak.stack.Fault;
import io.steadystate.soak.trace.TraceMode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A resolved {@code ./soak run}: the profile after command-line overrides, and where/what to run against.
 *
 * @param targets    null for the local stack, else the deployed services' URLs
 * @param withLoad   false to run without Gatling (e.g. when it cannot reach the services)
 * @param trace      heap dumps and leak traces (trace/): default LEAKS, {@code --trace} ALL, {@code --no-trace} OFF
 * @param chaos      kill -9 plan ({@code --chaos}, profile {@code chaos:}); null for none
 * @param poisonRate hostile records per second ({@code --poison}); null for none
 */
public record SessionOptions(
        Profile profile,
        Fault fault,
        Path runDir,
        Path repoRoot,
        String targets,
        String prometheusUrl,
        String bootstrapServers,
        String apiToken,
        boolean withLoad,
        Optional<Path> prometheusBinary,
        TraceMode trace,
        ChaosPlan chaos,
        Double poisonRate) {

    public SessionOptions {
        trace = trace == null ? TraceMode.LEAKS : trace;
    }

    /** Options without chaos or poison. */
    public SessionOptions(
            Profile profile,
            Fault fault,
            Path runDir,
            Path repoRoot,
            String targets,
            String prometheusUrl,
            String bootstrapServers,
            String apiToken,
            boolean withLoad,
            Optional<Path> prometheusBinary,
            TraceMode trace) {
        this(
                profile,
                fault,
                runDir,
                repoRoot,
                targets,
                prometheusUrl,
                bootstrapServers,
                apiToken,
                withLoad,
                prometheusBinary,
                trace,
                null,
                null);
    }

    /** Chaos or poison: restarts are planned or input is hostile, and the accounting is read from the topics. */
    public boolean disrupted() {
        return chaos != null || poisonRate != null;
    }

    /** Options with the default tracing: services judged LEAK are traced. */
    public SessionOptions(
            Profile profile,
            Fault fault,
            Path runDir,
            Path repoRoot,
            String targets,
            String prometheusUrl,
            String bootstrapServers,
            String apiToken,
            boolean withLoad,
            Optional<Path> prometheusBinary) {
        this(
                profile,
                fault,
                runDir,
                repoRoot,
                targets,
                prometheusUrl,
                bootstrapServers,
                apiToken,
                withLoad,
                prometheusBinary,
                TraceMode.LEAKS);
    }
}
