package io.steadystate.soak.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Writes report.json, report.html and junit.xml into a run directory, and reads report.json back. */
public final class ReportFiles {

    public static final String JSON = "report.json";
    public static final String HTML = "report.html";
    public static final String JUNIT = "junit.xml";

    private ReportFiles() {}

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    public static void writeAll(Path runDir, RunReport report) {
        try {
            Files.createDirectories(runDir);
            mapper().writeValue(runDir.resolve(JSON).toFile(), report);
            renderFrom(runDir, report);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report into " + runDir, e);
        }
    }

    public static void renderFrom(Path runDir, RunReport report) throws IOException {
        Files.writeString(runDir.resolve(HTML), HtmlReport.render(report, dashboardsSection(runDir)));
        Files.writeString(runDir.resolve(JUNIT), JunitReport.render(report));
    }

    /** The page the session wrote (dashboards/DashboardsReport), so report.html shows the same panels. */
    public static final String DASHBOARDS = "dashboards.html";

    /** The dashboards section of {@link #DASHBOARDS} in {@code runDir}, or empty when the run wrote none. */
    static Optional<String> dashboardsSection(Path runDir) throws IOException {
        Path page = runDir.resolve(DASHBOARDS);
        if (!Files.isRegularFile(page)) {
            return Optional.empty();
        }
        String html = Files.readString(page);
        int start = html.indexOf("<body>");
        int end = html.lastIndexOf("</body>");
        return start < 0 || end < start
                ? Optional.empty()
                : Optional.of(html.substring(start + "<body>".length(), end));
    }

    public static RunReport read(Path runDir) {
        Path json = runDir.resolve(JSON);
        if (!Files.isRegularFile(json)) {
            throw new IllegalArgumentException(runDir + " has no " + JSON);
        }
        try {
            return mapper().readValue(json.toFile(), RunReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + json + ": " + e.getMessage(), e);
        }
    }
}
