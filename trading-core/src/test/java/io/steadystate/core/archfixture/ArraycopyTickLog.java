package io.steadystate.core.archfixture;

/** The same growth with {@code System.arraycopy} into a new array. The build rule must reject {@code sizes}. */
public class ArraycopyTickLog {
    private long[] sizes = new long[16];
    private int count;

    public void onSize(long size) {
        if (count == sizes.length) {
            long[] bigger = new long[count * 2];
            System.arraycopy(sizes, 0, bigger, 0, count);
            sizes = bigger;
        }
        sizes[count++] = size;
    }
}
