package io.steadystate.marketdata;

import io.steadystate.core.state.BoundedStateRule;
import org.junit.jupiter.api.Test;

/** Every collection field in this service's main code is a bounded primitive or says what bounds it. */
class BoundedStateArchTest {
    @Test
    void everyCollectionFieldIsBoundedOrJustified() {
        BoundedStateRule.check("io.steadystate.marketdata");
    }
}
