package io.steadystate.soak.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Heap dumps of a local JVM by pid with {@code jcmd <pid> GC.heap_dump <file>}: live objects only (jcmd's default,
 * it runs a full GC first), so the dump holds what the service really keeps, not garbage awaiting collection.
 */
public final class HeapDumper {

    private final Path jcmd;

    public HeapDumper() {
        Path beside = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        this.jcmd = Files.isExecutable(beside) ? beside : Path.of("jcmd");
    }

    /** Writes the dump to {@code file} (replaced if present) and returns it; fails with jcmd's output. */
    public Path dump(long pid, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file); // jcmd refuses to overwrite
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_dump", file.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("jcmd GC.heap_dump timed out for pid " + pid);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while dumping pid " + pid, e);
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(file) || Files.size(file) == 0) {
            throw new IOException("jcmd " + pid + " GC.heap_dump failed: " + out);
        }
        return file;
    }
}
