package io.steadystate.soak.stack;

import java.net.URI;

/** Where a service answers; {@code pid} is -1 for a deployed (remote) service the harness did not start. */
public record ServiceEndpoint(ServiceId id, URI baseUrl, long pid) {

    public boolean local() {
        return pid > 0;
    }

    public URI resolve(String path) {
        return baseUrl.resolve(path);
    }
}
