package io.steadystate.soak.jvm;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * jcmd's diagnostic commands ({@code GC.class_histogram}, {@code JFR.start}, …) and heap dumps run on a local
 * service JVM from inside the harness: attach by pid, start (or find) its local JMX agent, invoke the
 * {@code com.sun.management:type=DiagnosticCommand} MBean. Why not the {@code jcmd} binary: every call is a JVM of
 * its own — measured ~0.8 s per call and 2.5 s per sample of three services on a loaded 2-core machine, most of
 * the sampling overhead that stalls consumers. Only public APIs ({@code jdk.attach}, {@code java.management}); when
 * attaching fails (another user's JVM, attach disabled) the {@code jcmd} binary is the fallback.
 */
public final class DiagnosticCommands {

    private static final String DCMD = "com.sun.management:type=DiagnosticCommand";
    private static final String HOTSPOT = "com.sun.management:type=HotSpotDiagnostic";
    private static final long JCMD_TIMEOUT_SECONDS = 120;

    /**
     * @param command jcmd's name, e.g. {@code GC.class_histogram}
     * @param args    its arguments as jcmd takes them, e.g. {@code "/tmp/x.hprof"} or {@code "name=bench"}
     * @return the command's output
     */
    public String run(long pid, String command, String... args) throws IOException {
        try {
            return viaAttach(pid, command, args);
        } catch (AttachNotSupportedException | IOException | RuntimeException | javax.management.JMException e) {
            return viaJcmd(pid, command, args, e);
        }
    }

    /**
     * A heap dump of live objects (a full GC first) to {@code file}, an absolute path the service can write:
     * {@code HotSpotDiagnosticMXBean.dumpHeap} over the same connection, because the DiagnosticCommand MBean of
     * Java 17 does not export {@code GC.heap_dump}. Falls back to {@code jcmd <pid> GC.heap_dump}.
     */
    public void dumpHeap(long pid, Path file) throws IOException {
        try {
            invoke(pid, HOTSPOT, "dumpHeap", new Object[] {file.toString(), true}, new String[] {
                String.class.getName(), boolean.class.getName()
            });
        } catch (AttachNotSupportedException | IOException | RuntimeException | javax.management.JMException e) {
            viaJcmd(pid, "GC.heap_dump", new String[] {file.toString()}, e);
        }
    }

    /** Through the attach API only, no fallback (what the tests prove works). */
    static String viaAttach(long pid, String command, String[] args)
            throws IOException, AttachNotSupportedException, javax.management.JMException {
        Object out =
                invoke(pid, DCMD, operation(command), new Object[] {args}, new String[] {String[].class.getName()});
        return out == null ? "" : out.toString();
    }

    static Object invoke(long pid, String mbean, String operation, Object[] params, String[] signature)
            throws IOException, AttachNotSupportedException, javax.management.JMException {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent(); // idempotent: the running agent's address after the first call
        } finally {
            vm.detach();
        }
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            return server.invoke(new ObjectName(mbean), operation, params, signature);
        }
    }

    /** The MBean's operation for a jcmd name: {@code GC.class_histogram} → {@code gcClassHistogram}. */
    static String operation(String command) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : command.toCharArray()) {
            if (c == '.' || c == '_') {
                upper = true;
            } else if (b.isEmpty()) {
                b.append(Character.toLowerCase(c));
            } else {
                b.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                upper = false;
            }
        }
        return b.toString();
    }

    private static String viaJcmd(long pid, String command, String[] args, Exception attachFailure) throws IOException {
        Path beside = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                Files.isExecutable(beside) ? beside.toString() : "jcmd", Long.toString(pid), command));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("jcmd " + command + " timed out for pid " + pid);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running jcmd " + command + " on pid " + pid, e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed (" + out.strip() + "); attach failed first: "
                    + attachFailure);
        }
        return out;
    }
}
