package io.steadystate.order.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.order.orders.EngineFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The REST read views over OrderState: pages that walk only offset + limit entries, lookups, totals. */
class OrderViewsTest {

    private final EngineFixture f = new EngineFixture().listed("ACME", 100);

    @Test
    void openOrderPagesCoverEveryLiveLegOnceAndStopAtTheLimit() {
        f.buy("ACME", 11, 100);
        f.buy("ACME", 12, 100);
        f.buy("ACME", 13, 100); // 3 brackets × 3 live legs
        List<OrderEvent> all = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            List<OrderEvent> p = f.engine.openOrders(page * 4, 4);
            assertThat(p).hasSizeLessThanOrEqualTo(4);
            all.addAll(p);
        }
        assertThat(all).hasSize(9);
        assertThat(all).extracting(OrderEvent::orderId).doesNotHaveDuplicates();
        assertThat(f.engine.openOrders(9, 4)).isEmpty();
    }

    @Test
    void findAnswersTheLiveStateWhileOpenAndTheLastStateFromHistoryAfterwards() {
        String id = f.buy("ACME", 11, 100).order().orderId();
        assertThat(f.engine.find(id).orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
        f.engine.cancel(id, "test");
        assertThat(f.engine.find(id).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.engine.find("M-never")).isEmpty();
    }

    @Test
    void pnlAndTheOpenPositionsGaugeCountOnlyWhatIsHeld() {
        f.buy("ACME", 11, 100);
        f.tick("ACME", 100).tick("ACME", 102); // filled at 100.01, marked at 102
        PnlSummary pnl = f.engine.pnl();
        assertThat(pnl.positions()).isEqualTo(1);
        assertThat(pnl.openPositions()).isEqualTo(1);
        assertThat(pnl.unrealisedPnl()).isPositive();
        assertThat(pnl.totalPnl()).isEqualTo(pnl.realisedPnl() + pnl.unrealisedPnl());
        assertThat(f.registry.get("steadystate.order.open.positions").gauge().value())
                .isEqualTo(1);
        assertThat(f.engine.positions(1, 10)).isEmpty();
    }
}
