package io.steadystate.soak.session;

import io.steadystate.soak.profile.Profile;
import io.steadystate.soak.stack.Fault;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A resolved {@code ./soak run}: the profile after command-line overrides, and where/what to run against.
 *
 * @param targets    null for the local stack, else the deployed services' URLs
 * @param withLoad   false to run without Gatling (e.g. when it cannot reach the services)
 */
public record SessionOptions(Profile profile, Fault fault, Path runDir, Path repoRoot, String targets,
                             String prometheusUrl, String bootstrapServers, String apiToken, boolean withLoad,
                             Optional<Path> prometheusBinary) {
}
