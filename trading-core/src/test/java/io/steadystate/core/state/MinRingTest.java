package io.steadystate.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MinRingTest {

    @Test
    void minIsTheLowestOfTheLastCapacityValuesThroughWrapsAndClears() {
        for (int capacity : new int[] {1, 7, 32, 33, 960}) {
            MinRing ring = new MinRing(capacity);
            Deque<Double> window = new ArrayDeque<>();
            Random random = new Random(capacity);
            double price = 100;
            for (int i = 0; i < 5_000; i++) {
                if (i == 2_500) { // a session close
                    ring.clear();
                    window.clear();
                }
                // a random walk with long rising stretches: the oldest value is the low and leaves every step
                price += i % 500 < 250 ? 0.01 : random.nextGaussian();
                ring.add(price);
                window.addLast(price);
                if (window.size() > capacity) {
                    window.removeFirst();
                }
                double expected =
                        window.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                assertThat(ring.min()).as("capacity %d, step %d", capacity, i).isEqualTo(expected);
                assertThat(ring.size()).isEqualTo(window.size());
            }
        }
    }

    @Test
    void anEmptyRingHasNoMinimumAndACapacityMustBePositive() {
        MinRing ring = new MinRing(4);
        assertThat(ring.min()).isNaN();
        ring.add(3);
        ring.clear();
        assertThat(ring.min()).isNaN();
        assertThatThrownBy(() -> new MinRing(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
