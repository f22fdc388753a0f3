package io.steadystate.marketdata.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DriverHeartbeatTest {

    @Test
    void liveUntilTheDriverHasBeenSilentForTheStaleWindow() {
        AtomicLong now = new AtomicLong(1_000);
        DriverHeartbeat heartbeat = new DriverHeartbeat(now::get);
        now.addAndGet(DriverHeartbeat.STALE_AFTER_NANOS - 1);
        assertThat(heartbeat.live()).isTrue();
        now.addAndGet(1);
        assertThat(heartbeat.live()).isFalse();
        heartbeat.beat();
        assertThat(heartbeat.live()).isTrue();
        assertThat(heartbeat.silentForNanos()).isZero();
    }

    @Test
    void aDriverThatDiedIsNotLiveWhateverItsLastBeat() {
        AtomicLong now = new AtomicLong();
        DriverHeartbeat heartbeat = new DriverHeartbeat(now::get);
        heartbeat.failed();
        heartbeat.beat();
        assertThat(heartbeat.live()).isFalse();
    }
}
