package io.steadystate.soak.trace;

import java.util.List;
import java.util.Locale;

/** The "Leak traces" section of report.html: per traced service, each growing field with its path. */
public final class LeakTraceHtml {

    private LeakTraceHtml() {}

    /** Empty when nothing was traced, so a report without traces looks as before. */
    public static String section(List<LeakTrace> traces) {
        if (traces == null || traces.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<section><h2>Leak traces</h2><p class=\"note\">Heap dumps (live objects)"
                + " at the start and the end of the judged window, analysed with LeakCanary's Shark: the fields of our"
                + " code whose containers grew, and the shortest path from a GC root to each.</p>");
        for (LeakTrace t : traces) {
            b.append("<h3>").append(text(t.service())).append("</h3>");
            if (t.note() != null) {
                b.append("<p>").append(text(t.note())).append("</p>");
            }
            if (!t.fields().isEmpty()) {
                b.append("<table><tr><th>field</th><th>container</th><th>entries</th><th>retained (largest)</th>"
                        + "<th>path from a GC root</th></tr>");
                for (GrowingField f : t.fields()) {
                    b.append("<tr><td><code>")
                            .append(text(f.fieldName()))
                            .append("</code>")
                            .append(f.ownersMultiplied() ? "<br>owners multiplied" : "")
                            .append("</td><td><code>")
                            .append(text(f.containerClass()))
                            .append("</code></td><td>")
                            .append(String.format(Locale.ROOT, "%,d → %,d", f.entriesStart(), f.entriesEnd()))
                            .append("</td><td>")
                            .append(f.retainedBytesEnd() == null ? "" : LeakTraceText.bytes(f.retainedBytesEnd()))
                            .append("</td><td><code>")
                            .append(text((f.gcRoot() == null ? "" : "GC root (" + f.gcRoot() + ") ")
                                    + String.join(" → ", f.path())))
                            .append("</code></td></tr>");
                }
                b.append("</table>");
            }
            if (!t.classes().isEmpty()) {
                b.append("<p class=\"note\">Growing classes: ");
                for (int i = 0; i < t.classes().size(); i++) {
                    GrowingClass c = t.classes().get(i);
                    b.append(i == 0 ? "" : ", ")
                            .append("<code>")
                            .append(text(c.className()))
                            .append("</code> ")
                            .append(String.format(Locale.ROOT, "%+,d", c.instancesGrowth()));
                }
                b.append("</p>");
            }
        }
        return b.append("</section>").toString();
    }

    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
