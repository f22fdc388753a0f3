package io.steadystate.order.api;

import io.steadystate.kit.api.RequestRefused;
import java.util.List;

/** One page of a bounded list: {@code size} is at most steadystate.order.max-page-size (500). */
public record Page<T>(int page, int size, List<T> items) {

    static int[] bounds(Integer page, Integer size, int maxSize) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0 || s < 1) {
            throw RequestRefused.badRequest("page must be >= 0 and size >= 1");
        }
        s = Math.min(s, maxSize);
        if ((long) p * s > 10_000_000L) {
            throw RequestRefused.badRequest("page too far: page x size must stay under 10,000,000");
        }
        return new int[] {p, s};
    }
}
