package io.steadystate.soak.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the command line of one service JVM. The default runs the Quarkus fast-jar; tests substitute stubs. */
public interface ServiceLauncher {

    /** Null when the service can be launched, else what is missing (e.g. the jar is not built). */
    String missing(ServiceId id);

    List<String> command(ServiceId id, String heap, Map<String, String> systemProperties);

    /** {@code java -Xms=-Xmx -XX:+UseG1GC -D… -jar <repo>/<module>/target/quarkus-app/quarkus-run.jar}. */
    static ServiceLauncher quarkusJars(Path repoRoot) {
        return new ServiceLauncher() {
            Path jar(ServiceId id) {
                return repoRoot.resolve(id.module()).resolve("target/quarkus-app/quarkus-run.jar");
            }

            @Override
            public String missing(ServiceId id) {
                return Files.isRegularFile(jar(id))
                        ? null
                        : jar(id) + " is not built (run ./mvnw -q -B install -DskipTests)";
            }

            @Override
            public List<String> command(ServiceId id, String heap, Map<String, String> props) {
                List<String> cmd = new ArrayList<>(jvm(heap, props));
                cmd.add("-jar");
                cmd.add(jar(id).toString());
                return cmd;
            }
        };
    }

    /**
     * Fixed heap (Xms = Xmx, so committed heap does not drift and hide or fake growth), G1 pinned, and exit on
     * OOM: a service that hits OutOfMemoryError must die visibly rather than limp on.
     */
    static List<String> jvm(String heap, Map<String, String> props) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap,
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:MaxDirectMemorySize=128m"));
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        return cmd;
    }
}
