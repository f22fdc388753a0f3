package io.steadystate.order.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.event.TimeInForce;
import io.steadystate.order.orders.EngineFixture;
import io.steadystate.order.orders.EngineSettings;
import org.junit.jupiter.api.Test;

class OrderTrackingLeakTest {

    private static void closeTenBrackets(EngineFixture f) {
        f.listed("ACME", 100);
        for (int i = 0; i < 10; i++) {
            f.limitBuy("c" + i, "ACME", 11, 98, TimeInForce.GTC);
            f.engine.cancel("M-c" + i, "test");
        }
    }

    @Test
    void offByDefaultRetainsNothing() {
        EngineFixture f = new EngineFixture();
        closeTenBrackets(f);
        assertThat(f.fault.leakedObjects()).isZero();
        assertThat(f.registry.get("steadystate.fault.active").gauge().value()).isZero();
    }

    @Test
    void orderTrackingKeepsEveryTerminalBracketWhileTheRealStoresReturnToZero() {
        EngineFixture f = new EngineFixture(EngineSettings.defaults(), OrderTrackingLeak.MODE);
        closeTenBrackets(f);
        assertThat(f.fault.leakedObjects()).isEqualTo(30);
        assertThat(f.registry.get("steadystate.fault.leaked.objects").gauge().value())
                .isEqualTo(30);
        assertThat(f.registry.get("steadystate.fault.active").gauge().value()).isEqualTo(1);
        assertThat(f.openBrackets()).isZero();
    }
}
