package io.steadystate.soak.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class SustainedSearchTest {

    /** A pipeline whose backlog stays flat up to {@code limit} ticks/s and whose source reaches {@code source}. */
    private static LongFunction<SustainedSearch.Probe> fake(long limit, long source, List<Long> asked) {
        return target -> {
            asked.add(target);
            double published = Math.min(target, source);
            boolean flat = published <= limit;
            return new SustainedSearch.Probe(target, published, flat ? published : limit, flat);
        };
    }

    @Test
    void doublesWhileFlatThenBisectsToTheHighestFlatRate() {
        List<Long> asked = new ArrayList<>();
        SustainedSearch.Result r = new SustainedSearch(12, 0.05).search(10_000, fake(57_000, Long.MAX_VALUE, asked));
        assertThat(asked).startsWith(10_000L, 20_000L, 40_000L, 80_000L); // upward first
        assertThat(asked.get(4)).isEqualTo(60_000L); // then bisection of [40k, 80k]
        assertThat(r.sustainedPerSec()).isBetween(57_000 / 1.05, 57_000.0);
        assertThat(r.bracketed()).isTrue();
        assertThat(r.probes()).hasSize(asked.size());
        assertThat(r.probes())
                .filteredOn(SustainedSearch.Probe::flat)
                .allSatisfy(p -> assertThat(p.targetPerSec()).isLessThanOrEqualTo(57_000));
    }

    @Test
    void findsMoreThanAStarvedStartWouldSuggest() {
        // the start (half of a starved unthrottled step) is far below the limit: the search must climb past it
        SustainedSearch.Result r =
                new SustainedSearch(10, 0.1).search(5_000, fake(100_000, Long.MAX_VALUE, new ArrayList<>()));
        assertThat(r.sustainedPerSec()).isGreaterThan(90_000);
    }

    @Test
    void neverRunsMoreThanTheBoundedNumberOfSteps() {
        List<Long> asked = new ArrayList<>();
        SustainedSearch.Result r = new SustainedSearch(3, 0.01).search(1_000, fake(1_000_000, Long.MAX_VALUE, asked));
        assertThat(asked).containsExactly(1_000L, 2_000L, 4_000L);
        assertThat(r.sustainedPerSec()).isEqualTo(4_000);
        assertThat(r.bracketed()).as("no growing step seen: a lower bound only").isFalse();
    }

    @Test
    void aSourceThatCannotReachItsTargetEndsTheSearchWithWhatItAchieved() {
        List<Long> asked = new ArrayList<>();
        SustainedSearch.Result r = new SustainedSearch(10, 0.05).search(10_000, fake(Long.MAX_VALUE, 30_000, asked));
        assertThat(asked).containsExactly(10_000L, 20_000L, 40_000L); // 40k published only 30k: source-limited
        assertThat(r.sustainedPerSec()).isEqualTo(30_000);
        assertThat(r.bracketed()).isTrue();
    }

    @Test
    void aGrowingStartSearchesDownwardThenBisects() {
        List<Long> asked = new ArrayList<>();
        SustainedSearch.Result r = new SustainedSearch(10, 0.05).search(40_000, fake(13_000, Long.MAX_VALUE, asked));
        assertThat(asked).startsWith(40_000L, 20_000L, 10_000L, 15_000L);
        assertThat(r.sustainedPerSec()).isBetween(13_000 / 1.05, 13_000.0);
    }

    @Test
    void noFlatStepWithinTheBudgetIsNoFigure() {
        SustainedSearch.Result r =
                new SustainedSearch(2, 0.05).search(40_000, fake(100, Long.MAX_VALUE, new ArrayList<>()));
        assertThat(r.sustainedPerSec()).isNaN();
        assertThat(r.probes()).hasSize(2).noneMatch(SustainedSearch.Probe::flat);
    }

    @Test
    void invalidBoundsAreRefused() {
        assertThatThrownBy(() -> new SustainedSearch(0, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SustainedSearch(3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SustainedSearch(3, 0.1).search(0, t -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
