package io.steadystate.soak;

import io.steadystate.core.arch.SourceSizeRule;
import org.junit.jupiter.api.Test;

/** The harness keeps the house rule of every module: no main class over 400 (formatted) lines. */
class SourceSizeTest {

    @Test
    void noMainClassIsOverFourHundredLines() {
        SourceSizeRule.checkThisModule();
    }
}
