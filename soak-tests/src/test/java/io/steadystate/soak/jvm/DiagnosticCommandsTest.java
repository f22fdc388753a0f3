package io.steadystate.soak.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.sampling.ClassHistogram;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-process diagnostic commands against a real child JVM, through the attach API (no jcmd fallback). */
class DiagnosticCommandsTest {

    private static ChildJvm child;

    /** A JVM that holds something recognisable and waits. */
    public static final class Holder {
        static final byte[][] KEPT = new byte[64][];

        public static void main(String[] args) throws Exception {
            for (int i = 0; i < KEPT.length; i++) {
                KEPT[i] = new byte[16_384];
            }
            System.out.println("ready");
            System.in.read(); // until the test closes our stdin
        }
    }

    @BeforeAll
    static void start() throws Exception {
        child = ChildJvm.start(Holder.class, "64m");
    }

    @AfterAll
    static void stop() throws Exception {
        child.close();
    }

    @Test
    void classHistogramThroughTheAttachApi() throws Exception {
        String text = DiagnosticCommands.viaAttach(child.pid(), "GC.class_histogram", new String[0]);
        ClassHistogram h = ClassHistogram.parse(text);
        assertThat(h.byClass()).containsKey("[B");
        assertThat(h.byClass().get("[B")[0])
                .as("the 64 × 16 KB the child holds")
                .isGreaterThan(64L * 16_384);
    }

    @Test
    void heapDumpThroughTheAttachApiWritesTheFile() throws Exception {
        Path file = Files.createTempDirectory("dcmd").resolve("holder.hprof");
        DiagnosticCommands.invoke(
                child.pid(),
                "com.sun.management:type=HotSpotDiagnostic",
                "dumpHeap",
                new Object[] {file.toString(), true},
                new String[] {String.class.getName(), boolean.class.getName()});
        assertThat(Files.size(file)).isGreaterThan(64L * 16_384);
        Files.delete(file);
    }

    @Test
    void jcmdNamesMapToTheMBeansOperations() {
        assertThat(DiagnosticCommands.operation("GC.class_histogram")).isEqualTo("gcClassHistogram");
        assertThat(DiagnosticCommands.operation("GC.heap_dump")).isEqualTo("gcHeapDump");
        assertThat(DiagnosticCommands.operation("JFR.start")).isEqualTo("jfrStart");
    }
}
