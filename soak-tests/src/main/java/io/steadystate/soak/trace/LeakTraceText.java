package io.steadystate.soak.trace;

import java.util.Locale;

/** A {@link LeakTrace} for people: one block per growing field, its path, then the growing classes. */
public final class LeakTraceText {

    private LeakTraceText() {}

    public static String render(LeakTrace t) {
        StringBuilder b = new StringBuilder();
        if (t.fields().isEmpty()) {
            b.append(t.service())
                    .append(": no growing container found")
                    .append(t.note() == null ? "" : " — " + t.note())
                    .append('\n');
        }
        for (GrowingField f : t.fields()) {
            b.append(t.service()).append(": ").append(headline(f)).append('\n');
            if (f.gcRoot() != null) {
                b.append("  path: GC root (")
                        .append(f.gcRoot())
                        .append(") ")
                        .append(String.join(" → ", f.path()))
                        .append('\n');
            } else if (!f.path().isEmpty()) {
                // Shark reports one path per chain: this container lies below another traced one
                b.append("  inside: ").append(String.join(" → ", f.path())).append('\n');
            }
        }
        if (!t.classes().isEmpty()) {
            b.append("  growing classes: ");
            for (int i = 0; i < t.classes().size(); i++) {
                GrowingClass c = t.classes().get(i);
                b.append(i == 0 ? "" : ", ")
                        .append(GrowingField.simpleName(c.className()))
                        .append(' ')
                        .append(signed(c.instancesGrowth()))
                        .append(" (")
                        .append(signedBytes(c.bytesGrowth()))
                        .append(')');
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** {@code OrderTrackingLeak.stopLossOrders (java.util.HashMap) 1,204 → 9,873 entries, retains 1.6 MB, …}. */
    public static String headline(GrowingField f) {
        StringBuilder b = new StringBuilder();
        b.append(f.staticField() ? "static " : "")
                .append(f.fieldName())
                .append(" (")
                .append(f.containerClass())
                .append(") ")
                .append(count(f.entriesStart()))
                .append(" → ")
                .append(count(f.entriesEnd()))
                .append(f.containerClass().endsWith("]") ? " elements" : " entries");
        if (f.ownersEnd() > 1 || f.ownersStart() > 1) {
            b.append(" in ")
                    .append(count(f.ownersStart()))
                    .append(" → ")
                    .append(count(f.ownersEnd()))
                    .append(" owners");
        }
        if (f.retainedBytesEnd() != null) {
            b.append(", largest retains ").append(bytes(f.retainedBytesEnd()));
        }
        if (f.elementClass() != null) {
            b.append(", holds ").append(GrowingField.simpleName(f.elementClass()));
        }
        if (f.ownersMultiplied()) {
            b.append(" — its owners multiplied: look at what holds them");
        }
        return b.toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String signed(long n) {
        return String.format(Locale.ROOT, "%+,d", n);
    }

    private static String signedBytes(long n) {
        return (n < 0 ? "-" : "+") + bytes(Math.abs(n));
    }

    static String bytes(long n) {
        if (n >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MB", n / (double) (1 << 20));
        }
        return String.format(Locale.ROOT, "%.0f KB", n / 1024.0);
    }
}
