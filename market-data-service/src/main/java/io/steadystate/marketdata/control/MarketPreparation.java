package io.steadystate.marketdata.control;

import io.steadystate.marketdata.resume.ResumePoint;
import java.util.Optional;

/** What must hold before the first event is played; the driver retries it every 5 s until it does. */
@FunctionalInterface
public interface MarketPreparation {

    /**
     * Makes the output ready (topics provisioned, partitions known) and reads where a previous run left it.
     *
     * @return the point to resume after; empty for an empty topic (a fresh market)
     * @throws RuntimeException when the broker is not ready yet
     */
    Optional<ResumePoint> prepare();
}
