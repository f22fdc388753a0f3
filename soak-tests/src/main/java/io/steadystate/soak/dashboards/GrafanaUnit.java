package io.steadystate.soak.dashboards;

import java.util.Locale;

/** Values formatted as Grafana shows them for the units our dashboards use (unknown units: plain numbers). */
final class GrafanaUnit {

    private GrafanaUnit() {}

    static String format(String unit, double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return switch (unit == null ? "short" : unit) {
            case "bytes" -> scaled(v, 1024, new String[] {"B", "KiB", "MiB", "GiB", "TiB"});
            case "decbytes" -> scaled(v, 1000, new String[] {"B", "kB", "MB", "GB", "TB"});
            case "Bps" -> scaled(v, 1000, new String[] {"B/s", "kB/s", "MB/s", "GB/s", "TB/s"});
            case "percentunit" -> num(v * 100) + "%";
            case "percent" -> num(v) + "%";
            case "s" -> seconds(v);
            case "ms" -> seconds(v / 1000);
            case "ops" -> suffixed(v) + " ops/s";
            case "reqps" -> suffixed(v) + " req/s";
            case "none" -> num(v);
            default -> suffixed(v);
        };
    }

    private static String seconds(double s) {
        double a = Math.abs(s);
        if (a == 0) {
            return "0 s";
        }
        if (a < 1e-6) {
            return num(s * 1e9) + " ns";
        }
        if (a < 1e-3) {
            return num(s * 1e6) + " µs";
        }
        if (a < 1) {
            return num(s * 1e3) + " ms";
        }
        if (a < 60) {
            return num(s) + " s";
        }
        return a < 3600 ? num(s / 60) + " min" : num(s / 3600) + " h";
    }

    private static String suffixed(double v) {
        return scaled(v, 1000, new String[] {"", " K", " Mil", " Bil", " Tri"}).trim();
    }

    private static String scaled(double v, double base, String[] units) {
        int i = 0;
        double x = v;
        while (Math.abs(x) >= base && i < units.length - 1) {
            x /= base;
            i++;
        }
        String u = units[i];
        return num(x) + (u.isEmpty() || u.startsWith(" ") ? u : " " + u);
    }

    private static String num(double v) {
        double a = Math.abs(v);
        String f = a == Math.rint(a) && a < 1e15
                ? "%.0f"
                : a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 0.01 ? "%.2f" : "%.3g";
        return String.format(Locale.ROOT, f, v);
    }
}
