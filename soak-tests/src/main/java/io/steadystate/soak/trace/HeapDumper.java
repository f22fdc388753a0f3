package io.steadystate.soak.trace;

import io.steadystate.soak.jvm.DiagnosticCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Heap dumps of a local JVM by pid ({@link DiagnosticCommands#dumpHeap}): live objects only (a full GC first), so
 * the dump holds what the service really keeps, not garbage awaiting collection.
 */
public final class HeapDumper {

    private final DiagnosticCommands commands = new DiagnosticCommands();

    /** Writes the dump to {@code file} (replaced if present) and returns it; fails with the command's output. */
    public Path dump(long pid, Path file) throws IOException {
        Path target = file.toAbsolutePath(); // the service resolves a relative path against its own directory
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target); // the command refuses to overwrite
        commands.dumpHeap(pid, target);
        if (!Files.isRegularFile(target) || Files.size(target) == 0) {
            throw new IOException("the heap dump of pid " + pid + " wrote no file " + target);
        }
        return file;
    }
}
