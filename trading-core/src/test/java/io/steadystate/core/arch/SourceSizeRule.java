package io.steadystate.core.arch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * No class of main code is over {@value #MAX_LINES} lines (STYLE.md: small classes named for what they are). Counted
 * on the formatted source (palantir-java-format is the build's formatter, so nobody can win lines by layout). Each
 * module's architecture test calls {@link #checkThisModule()}: tests run with the module's directory as the working
 * directory.
 */
public final class SourceSizeRule {

    public static final int MAX_LINES = 400;

    private SourceSizeRule() {}

    /** Fails listing every file under {@code src/main/java} of the module under test with more than the limit. */
    public static void checkThisModule() {
        check(Path.of("src", "main", "java"), MAX_LINES);
    }

    static void check(Path sources, int maxLines) {
        if (!Files.isDirectory(sources)) {
            throw new AssertionError("no main sources at " + sources.toAbsolutePath());
        }
        List<String> over = oversized(sources, maxLines);
        if (!over.isEmpty()) {
            throw new AssertionError("main classes over " + maxLines + " lines (split them along a responsibility): "
                    + String.join(", ", over));
        }
    }

    static List<String> oversized(Path sources, int maxLines) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> new Sized(sources.relativize(p), lines(p)))
                    .filter(f -> f.lines() > maxLines)
                    .map(f -> f.file() + " (" + f.lines() + ")")
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Sized(Path file, long lines) {}

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
