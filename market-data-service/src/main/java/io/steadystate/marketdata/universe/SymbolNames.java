package io.steadystate.marketdata.universe;

/**
 * Deterministic ticker names from the seed: the n-th name is a bijection of n over the 26^4 four-letter
 * names, so names never collide until 456,976 listings and no "names already used" set has to be kept.
 * Four letters make a tick exactly 65 bytes on the wire (the size the throughput figures were measured with).
 */
public final class SymbolNames {

    private static final int LETTERS = 4;
    private static final long SPACE = 26L * 26 * 26 * 26;

    private final long multiplier;
    private final long offset;
    private long next;

    public SymbolNames(long seed) {
        long mixed = mix(seed);
        long m = Math.floorMod(mixed, SPACE) | 1; // odd, and not a multiple of 13: coprime with 2^4 * 13^4
        while (m % 13 == 0) {
            m += 2;
        }
        this.multiplier = m;
        this.offset = Math.floorMod(mix(mixed), SPACE);
    }

    public String next() {
        long code = Math.floorMod(multiplier * (next++ % SPACE) + offset, SPACE);
        char[] name = new char[LETTERS];
        for (int i = LETTERS - 1; i >= 0; i--) {
            name[i] = (char) ('A' + code % 26);
            code /= 26;
        }
        return new String(name);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
