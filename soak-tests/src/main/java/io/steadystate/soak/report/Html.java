package io.steadystate.soak.report;

/** Escaping for HTML/XML text and attributes. */
final class Html {

    private Html() {}

    static String text(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }
}
