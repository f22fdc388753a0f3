package io.steadystate.core.archfixture;

/** A per-thread buffer that only ever grows, kept as long as the pool thread lives. Must be rejected. */
public class PerThreadScratch {
    private final ThreadLocal<StringBuilder> scratch = ThreadLocal.withInitial(StringBuilder::new);

    public String describe(String symbol, double price) {
        return scratch.get()
                .append(symbol)
                .append('=')
                .append(price)
                .append('\n')
                .toString();
    }
}
