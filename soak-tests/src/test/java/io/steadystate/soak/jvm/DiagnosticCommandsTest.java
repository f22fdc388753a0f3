package io.steadystate.soak.jvm;

import io.steadystate.soak.sampling.ClassHistogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-process diagnostic commands against a real child JVM, through the attach API (no jcmd fallback). */
class DiagnosticCommandsTest {

    private static Process child;

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
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        child = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                Holder.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");
    }

    @AfterAll
    static void stop() throws Exception {
        child.getOutputStream().close();
        if (!child.waitFor(10, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
    }

    @Test
    void classHistogramThroughTheAttachApi() throws Exception {
        String text = DiagnosticCommands.viaAttach(child.pid(), "GC.class_histogram", new String[0]);
        ClassHistogram h = ClassHistogram.parse(text);
        assertThat(h.byClass()).containsKey("[B");
        assertThat(h.byClass().get("[B")[0]).as("the 64 × 16 KB the child holds").isGreaterThan(64L * 16_384);
    }

    @Test
    void heapDumpThroughTheAttachApiWritesTheFile() throws Exception {
        Path file = Files.createTempDirectory("dcmd").resolve("holder.hprof");
        DiagnosticCommands.invoke(child.pid(), "com.sun.management:type=HotSpotDiagnostic", "dumpHeap",
                new Object[]{file.toString(), true}, new String[]{String.class.getName(), boolean.class.getName()});
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
