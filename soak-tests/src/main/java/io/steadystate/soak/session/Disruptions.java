package io.steadystate.soak.session;

import io.steadystate.soak.chaos.ChaosReport;
import io.steadystate.soak.chaos.FlowHealth;
import io.steadystate.soak.chaos.KillRecord;
import io.steadystate.soak.chaos.Supervisor;
import io.steadystate.soak.chaos.TopicAudit;
import io.steadystate.soak.poison.PoisonAudit;
import io.steadystate.soak.poison.PoisonProducer;
import io.steadystate.soak.profile.Profile;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.Sampler;
import io.steadystate.soak.stack.Http;
import io.steadystate.soak.stack.LocalStack;
import io.steadystate.soak.stack.MarketClient;
import io.steadystate.soak.stack.RunFailure;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.Stack;
import io.steadystate.soak.verdict.Check;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The session's disruptions, chaos ({@link Supervisor}) and poison ({@link PoisonProducer}), from start to
 * judgement: started with the market, stopped before the market stops, audited on the topics while the broker
 * still runs, and turned into checks and the {@link ChaosReport} of report.json. A session without either has a
 * {@link #none()} that does nothing.
 */
final class Disruptions {

    /** How long the end of the run waits for a recovery in progress. */
    static final Duration FINISH_GRACE = Duration.ofSeconds(240);

    static final Duration MAX_EXTENSION = Duration.ofMinutes(8);
    private boolean extensionNoted;

    private final SessionOptions options;
    private final PrintStream out;
    private Supervisor supervisor;
    private PoisonProducer poison;
    private String parametersBefore;
    private final List<String> unplanned = new ArrayList<>();
    private List<KillRecord> kills = List.of();
    private TopicAudit.Result accounting;
    private Check operatorAborts;
    private PoisonAudit.Result poisonResult;
    private final List<String> auditErrors = new ArrayList<>();

    private Disruptions(SessionOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    static Disruptions none() {
        return new Disruptions(null, null);
    }

    boolean active() {
        return options != null && options.disrupted();
    }

    boolean chaos() {
        return active() && options.chaos() != null;
    }

    /** Starts what the options ask for; the stack must be local (kill -9 needs the processes). */
    static Disruptions start(
            SessionOptions options, Stack stack, Http http, MarketClient market, Sampler sampler, PrintStream out) {
        Disruptions d = new Disruptions(options, out);
        if (!options.disrupted()) {
            return d;
        }
        if (!(stack instanceof LocalStack local)) {
            throw new RunFailure(
                    "--chaos and --poison need the local stack (they kill its processes, write its topics)");
        }
        String bootstrap = stack.bootstrapServers().orElseThrow(() -> new RunFailure("no Kafka to disrupt"));
        if (options.chaos() != null) {
            d.supervisor = new Supervisor(
                            options.chaos(),
                            options.profile().duration(),
                            local,
                            http,
                            sampler::elapsedSeconds,
                            m -> out.println("soak: " + m))
                    .start();
            out.println("soak: chaos plan " + options.chaos() + ": "
                    + d.supervisor.schedule().stream()
                            .map(k -> String.format(
                                    Locale.ROOT, "%s at %.0f s", k.target().label(), k.atSeconds()))
                            .toList());
        }
        if (options.poisonRate() != null) {
            d.parametersBefore = parameters(stack, http);
            d.poison =
                    new PoisonProducer(options.poisonRate(), bootstrap, market, m -> out.println("soak: " + m)).start();
            out.printf(
                    Locale.ROOT,
                    "soak: poison: %.1f hostile records/s onto market.events, strategy.signals, " + "strategy.params%n",
                    options.poisonRate());
        }
        return d;
    }

    /**
     * Sampling goes on past the run's duration while planned kills are still to come or recovering (each waits for
     * the one before to recover, and a loaded machine starts a JVM slowly), at most {@link #MAX_EXTENSION}.
     */
    boolean extendsRun(long nanosOver) {
        boolean extend = supervisor != null && supervisor.busy() && nanosOver < MAX_EXTENSION.toNanos();
        if (extend && !extensionNoted) {
            extensionNoted = true;
            out.println("soak: chaos: the plan is not done yet — sampling goes on (at most " + MAX_EXTENSION.toMinutes()
                    + " min more)");
        }
        return extend;
    }

    /** True while the chaos plan holds {@code id} down: a gap in the samples, not a crash. */
    boolean plannedDown(ServiceId id) {
        return supervisor != null && supervisor.plannedDown(id);
    }

    void unplannedDeath(ServiceId id, String notice) {
        unplanned.add(id.module() + " " + notice);
    }

    /** End of the sampled part: no new kill, the one in progress recovers, the poison stops. */
    void stop() {
        if (supervisor != null) {
            out.println(
                    "soak: chaos: waiting for a recovery in progress (at most " + FINISH_GRACE.toSeconds() + " s)…");
            kills = supervisor.finish(FINISH_GRACE);
            supervisor.close();
        }
        if (poison != null) {
            poison.stop();
        }
    }

    /** After the drain, while the broker runs: read the topics. */
    void audit(Stack stack, Http http) {
        if (!active()) {
            return;
        }
        String bootstrap = stack.bootstrapServers().orElseThrow();
        Set<String> excluded = poison == null ? Set.of() : poison.written().keySet();
        try {
            accounting = new TopicAudit(bootstrap, excluded).run();
        } catch (RuntimeException e) {
            auditErrors.add("topic accounting failed: " + e);
        }
        if (supervisor != null) {
            operatorAborts = supervisor.operatorAbortsCheck();
        }
        if (poison != null) {
            try {
                poisonResult = PoisonAudit.run(
                        bootstrap, poison.written(), poison.failedSends(), parametersBefore, parameters(stack, http));
            } catch (RuntimeException e) {
                auditErrors.add("poison audit failed: " + e);
            }
            poison.close();
        }
    }

    /** The checks of the disruptions; {@code samples} for the business flow. */
    List<Check> checks(List<Sample> samples, Profile profile) {
        List<Check> checks = new ArrayList<>();
        if (!active()) {
            return checks;
        }
        auditErrors.forEach(e -> checks.add(new Check("accounting:topics", "all", false, e)));
        if (accounting != null) {
            checks.addAll(accounting.checks());
        }
        if (poisonResult != null) {
            checks.addAll(poisonResult.checks());
        }
        if (options.chaos() != null) {
            for (KillRecord k : kills) {
                checks.add(new Check(
                        "chaos:recovered:" + k.target() + "#" + (k.index() + 1),
                        k.target(),
                        k.recovered(),
                        k.recovered()
                                ? String.format(
                                        Locale.ROOT,
                                        "killed at %.0f s, ready after %.1f s, lag drained " + "(≤ %,d) after %.1f s",
                                        k.killedAt(),
                                        k.secondsToReady(),
                                        k.lagLimit(),
                                        k.secondsToRecover())
                                : "did not recover: " + k.note()));
            }
            checks.add(new Check(
                    "chaos:no-unplanned-exit",
                    "all",
                    unplanned.isEmpty(),
                    unplanned.isEmpty() ? "every process exit was a planned kill" : String.join("; ", unplanned)));
            checks.add(flow(samples, profile).check());
            if (operatorAborts != null) {
                checks.add(operatorAborts);
            }
        }
        return checks;
    }

    private FlowHealth.Result flow(List<Sample> samples, Profile profile) {
        double end = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).elapsedSeconds();
        // from the start: the flow's rates come from deltas between samples, and a loaded machine samples slowly —
        // the heap's warm-up is the verdict's business, not the flow's
        double steadyFrom = 0;
        double firstKill = kills.stream()
                .filter(k -> k.killedAt() != null)
                .mapToDouble(KillRecord::killedAt)
                .min()
                .orElse(end);
        double recovered = kills.stream()
                .filter(KillRecord::recovered)
                .mapToDouble(k -> k.killedAt() + k.secondsToRecover())
                .max()
                .orElse(end);
        return FlowHealth.judge(samples, steadyFrom, firstKill, recovered);
    }

    ChaosReport report(List<Sample> samples, Profile profile) {
        if (!active()) {
            return null;
        }
        Map<String, Integer> segments = new LinkedHashMap<>();
        Stream.of(ServiceId.values())
                .forEach(id -> segments.put(
                        id.module(), io.steadystate.soak.sampling.ProcessSegments.count(id.module(), samples)));
        return new ChaosReport(
                options.chaos() == null ? null : options.chaos().toString(),
                kills,
                ChaosReport.recoveryByTarget(kills),
                accounting == null ? null : accounting.figures(),
                options.chaos() == null ? null : flow(samples, profile),
                options.poisonRate(),
                poisonResult,
                segments);
    }

    /** The kill records, once {@link #stop()} has run (empty before, and without chaos). */
    List<KillRecord> kills() {
        return kills;
    }

    /** Ctrl-C or a failed run: stop everything without judging. */
    void abort() {
        if (supervisor != null) {
            supervisor.close();
        }
        if (poison != null) {
            poison.close();
        }
    }

    private static String parameters(Stack stack, Http http) {
        try {
            Http.Response r =
                    http.get(stack.service(ServiceId.STRATEGY).resolve("strategy/parameters"), "application/json");
            return r.ok() ? r.body() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
