package io.steadystate.kit.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class ThrottledLogTest {

    @Test
    void oneLinePerIntervalAndTheRestCountedAsSuppressed() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        ThrottledLog log = new ThrottledLog(Logger.getLogger(ThrottledLogTest.class), 10_000, now::get);
        log.warn("send failed", "first");
        for (int i = 0; i < 5; i++) {
            now.addAndGet(1_000_000_000L);
            log.warn("send failed", i);
        }
        assertThat(log.suppressed()).isEqualTo(5);
        now.addAndGet(5_000_000_000L);
        log.error(new IllegalStateException("boom"), "send failed", "after the interval");
        assertThat(log.suppressed()).isZero();
    }
}
