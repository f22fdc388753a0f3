package io.steadystate.kit.delivery;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The ITs' wait: polls a condition until it holds, or fails naming what it waited for. */
public final class Await {

    private Await() {}

    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until: " + what);
            }
            Thread.sleep(50);
        }
    }
}
