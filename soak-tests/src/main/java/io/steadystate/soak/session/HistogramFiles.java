package io.steadystate.soak.session;

import io.steadystate.soak.sampling.ClassHistogram;
import io.steadystate.soak.sampling.Sampler;
import io.steadystate.soak.verdict.Judgement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The class histograms a run keeps under {@code histograms/<service>/<seq>.txt.gz}. */
final class HistogramFiles {

    /** Below the run directory; the sampler writes there ({@link Sampler#histogramFile}). */
    static final String DIR = "histograms";

    private HistogramFiles() {}

    static ClassHistogram read(Path runDir, String service, int seq) {
        Path f = Sampler.histogramFile(runDir.resolve(DIR), service, seq);
        return Files.isRegularFile(f) ? Sampler.readHistogram(f) : null;
    }

    /** Keep the histograms the diff used (window start and last) and delete the rest: they are large. */
    static void prune(Path runDir, Judgement.Result result) {
        Path root = runDir.resolve(DIR);
        if (!Files.isDirectory(root)) {
            return;
        }
        for (var v : result.services()) {
            Path dir = root.resolve(v.service());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<String> keep = Stream.of(v.histogramFirst(), v.histogramLast())
                    .filter(java.util.Objects::nonNull)
                    .map(s -> Sampler.histogramFile(root, v.service(), Integer.parseInt(s))
                            .getFileName()
                            .toString())
                    .toList();
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> !keep.contains(f.getFileName().toString()))
                        .forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // pruning is housekeeping
            }
        }
    }
}
