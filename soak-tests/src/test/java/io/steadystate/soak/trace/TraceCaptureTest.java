package io.steadystate.soak.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.jvm.ChildJvm;
import io.steadystate.soak.sampling.Counters;
import io.steadystate.soak.sampling.ServiceSample;
import io.steadystate.soak.stack.ServiceEndpoint;
import io.steadystate.soak.stack.ServiceId;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The early end dump of a heap about to fill, against a real child JVM (dumps through the attach API). */
class TraceCaptureTest {

    private static ChildJvm child;

    /** A JVM that waits until the test closes its stdin. */
    public static final class Idle {
        public static void main(String[] args) throws Exception {
            System.out.println("ready");
            System.in.read();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        child = ChildJvm.start(Idle.class, "32m");
    }

    @AfterAll
    static void stop() throws Exception {
        child.close();
    }

    @Test
    void aHeapNearlyFullIsDumpedAtOnceAndOnlyOnce(@TempDir Path dir) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        TraceCapture capture = new TraceCapture(TraceMode.LEAKS, dir, log::add);
        ServiceEndpoint market =
                new ServiceEndpoint(ServiceId.MARKET_DATA, URI.create("http://127.0.0.1:1/"), child.pid());
        String service = ServiceId.MARKET_DATA.module();

        assertThat(capture.watch(market, heap(200), 256, 10))
                .as("no start dump yet")
                .isFalse();
        assertThat(capture.fillingEarly(List.of(heap(90)), 256, 5))
                .as("35 % of the heap")
                .isFalse();
        assertThat(capture.fillingEarly(List.of(heap(110)), 256, 6))
                .as("43 % of the heap")
                .isTrue();
        capture.atWindowStart(List.of(market));
        assertThat(capture.fillingEarly(List.of(heap(110)), 256, 7))
                .as("start dumps taken already")
                .isFalse();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!capture.startDumpsDone()) {
            assertThat(System.nanoTime()).as("start dump within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(dir.resolve(service + "-start.hprof")).exists();

        assertThat(capture.watch(market, heap(150), 256, 20))
                .as("59 % of the heap: not yet")
                .isFalse();
        assertThat(dir.resolve(service + "-end.hprof")).doesNotExist();
        assertThat(capture.watch(market, heap(190), 256, 30))
                .as("74 % of the heap")
                .isTrue();
        assertThat(dir.resolve(service + "-end.hprof")).exists();
        assertThat(capture.watch(market, heap(250), 256, 40))
                .as("the end dump is taken once")
                .isFalse();

        int dumpsBefore =
                (int) log.stream().filter(l -> l.startsWith("heap dump")).count();
        capture.atWindowEnd(List.of(market));
        assertThat(log.stream().filter(l -> l.startsWith("heap dump")).count())
                .as("the window end does not dump again")
                .isEqualTo(dumpsBefore);

        List<LeakTrace> traces = capture.trace(Set.of(service));
        assertThat(traces).singleElement().satisfies(t -> {
            assertThat(t.endDump()).isNotNull();
            assertThat(t.note())
                    .contains("start dumps taken early, at 6 s: post-GC heap 110 MB of 256 MB")
                    .contains("end dump taken early, at 30 s: post-GC heap 190 MB of 256 MB");
        });
        assertThat(dir.resolve(service + "-end.hprof"))
                .as("dumps are deleted after tracing")
                .doesNotExist();
    }

    private static ServiceSample heap(double postGcMb) {
        return new ServiceSample(
                ServiceId.MARKET_DATA.module(),
                true,
                postGcMb * 1048576,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                Map.of(),
                Counters.NONE,
                null);
    }
}
