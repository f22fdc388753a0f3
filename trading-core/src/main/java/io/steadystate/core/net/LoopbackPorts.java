package io.steadystate.core.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free loopback ports for processes this JVM starts (a broker's listeners, the services, Prometheus).
 *
 * <p>All ports a caller needs are taken in one call, each socket held open until the last is bound: a port asked for
 * and closed at once may come back on the next ask, before the process it was meant for has bound it (measured: a CI
 * run's broker got {@code PLAINTEXT://127.0.0.1:35145} and {@code CONTROLLER://127.0.0.1:35145} and refused to format).
 * A port is still free only until its process binds it; another program on the machine may take it first.
 */
public final class LoopbackPorts {

    private LoopbackPorts() {}

    /** {@code count} distinct ports on 127.0.0.1, free at the time of the call. */
    public static int[] reserve(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        List<ServerSocket> held = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a socket that only held a number
                }
            }
        }
    }

    /** One free port (see {@link #reserve}: ask for all of a launch's ports at once). */
    public static int one() {
        return reserve(1)[0];
    }
}
