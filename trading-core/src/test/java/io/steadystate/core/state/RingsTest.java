package io.steadystate.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class RingsTest {

    @Test
    void doubleRingWrapsAroundKeepingTheNewest() {
        DoubleRing ring = new DoubleRing(3);
        for (int i = 1; i <= 5; i++) {
            ring.add(i);
        }
        assertThat(ring.size()).isEqualTo(3);
        assertThat(ring.isFull()).isTrue();
        assertThat(ring.get(0)).isEqualTo(5.0);
        assertThat(ring.get(1)).isEqualTo(4.0);
        assertThat(ring.get(2)).isEqualTo(3.0);
        assertThatThrownBy(() -> ring.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        ring.replaceNewest(9);
        assertThat(ring.newest()).isEqualTo(9.0);
        ring.clear();
        assertThat(ring.size()).isZero();
    }

    @Test
    void longRingWrapsAroundKeepingTheNewest() {
        LongRing ring = new LongRing(7);
        for (long day = 0; day < 10; day++) {
            ring.add(day * 1000);
        }
        assertThat(ring.size()).isEqualTo(7);
        assertThat(ring.get(0)).isEqualTo(9000L);
        assertThat(ring.get(6)).isEqualTo(3000L);
    }

    @Test
    void objectRingIsBoundedAndPagesNewestFirst() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ObjectRing<Integer> ring = ObjectRing.registered("test.history", 4, new StoreMetrics(registry));
        for (int i = 1; i <= 10; i++) {
            ring.add(i);
        }
        assertThat(ring.size()).isEqualTo(4);
        assertThat(ring.added()).isEqualTo(10);
        assertThat(ring.newest(0, 10, x -> true)).containsExactly(10, 9, 8, 7);
        assertThat(ring.newest(1, 2, x -> true)).containsExactly(9, 8);
        assertThat(ring.newest(0, 10, x -> x % 2 == 0)).containsExactly(10, 8);
        assertThat(registry.get(StoreMetrics.ENTRIES)
                        .tag("store", "test.history")
                        .gauge()
                        .value())
                .isEqualTo(4);
        assertThat(registry.get(StoreMetrics.CAPACITY)
                        .tag("store", "test.history")
                        .gauge()
                        .value())
                .isEqualTo(4);
    }
}
