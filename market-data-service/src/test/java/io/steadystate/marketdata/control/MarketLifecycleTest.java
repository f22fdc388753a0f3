package io.steadystate.marketdata.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarketLifecycleTest {

    @Test
    void startPauseResumeStopAndStartAgain() {
        MarketLifecycle lifecycle = new MarketLifecycle();
        assertThat(lifecycle.state()).isEqualTo(MarketLifecycle.State.IDLE);
        lifecycle.start();
        assertThat(lifecycle.isRunning()).isTrue();
        lifecycle.pause();
        assertThat(lifecycle.state()).isEqualTo(MarketLifecycle.State.PAUSED);
        lifecycle.resume();
        assertThat(lifecycle.stop()).isTrue();
        assertThat(lifecycle.stop()).as("stop is a no-op when nothing runs").isFalse();
        lifecycle.start();
        assertThat(lifecycle.state()).isEqualTo(MarketLifecycle.State.RUNNING);
    }

    @Test
    void transitionsThatMakeNoSenseAreConflictsAndChangeNothing() {
        MarketLifecycle lifecycle = new MarketLifecycle();
        assertThatThrownBy(lifecycle::pause)
                .isInstanceOf(MarketRequestException.class)
                .extracting(e -> ((MarketRequestException) e).kind())
                .isEqualTo(MarketRequestException.Kind.CONFLICT);
        lifecycle.start();
        assertThatThrownBy(lifecycle::start).hasMessageContaining("already running");
        assertThatThrownBy(lifecycle::resume).hasMessageContaining("only a paused market");
        lifecycle.pause();
        assertThatThrownBy(lifecycle::start).hasMessageContaining("paused");
        lifecycle.finish();
        assertThatThrownBy(lifecycle::start).hasMessageContaining("finished");
        assertThat(lifecycle.state()).isEqualTo(MarketLifecycle.State.FINISHED);
    }

    @Test
    void shutdownEndsEveryWait() throws InterruptedException {
        MarketLifecycle lifecycle = new MarketLifecycle();
        lifecycle.start();
        lifecycle.shutdown();
        assertThat(lifecycle.awaitRunning(60_000)).isFalse();
        assertThat(lifecycle.isRunning()).isFalse();
    }
}
