package io.steadystate.soak.chaos;

import io.steadystate.soak.sampling.ConsumerLagProbe;
import io.steadystate.soak.stack.Http;
import io.steadystate.soak.stack.LocalStack;
import io.steadystate.soak.stack.MarketClient;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.verdict.Check;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Carries out a {@link ChaosPlan} on the local stack from a thread of its own while the session keeps sampling:
 * at each planned second it kills the target with SIGKILL, waits a supervisor's back-off, starts it again the same
 * way (same command, port, data directory), and measures the recovery — readiness back, then the backlog the
 * outage built worked off. market-data starts with {@code autostart=false}, so after its restart the supervisor
 * calls {@code POST /market/start} as an operator's runbook would. Kills never overlap: the next one waits for
 * the previous recovery (or its time-outs).
 */
public final class Supervisor implements AutoCloseable {

    static final Duration RESTART_BACKOFF = Duration.ofSeconds(2);
    /** Generous: on a loaded 2-core machine a Quarkus JVM took 100 s to start (load average 43). */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(180);

    private final ChaosPlan plan;
    private final List<ChaosPlan.Kill> schedule;
    private final LocalStack stack;
    private final Http http;
    private final DoubleSupplier elapsed;
    private final Consumer<String> progress;
    private final ConsumerLagProbe lag;
    /** The operator's abort of a transaction a broker crash left hanging (null without Kafka access). */
    private final OperatorStep operator;
    /** Services between their planned kill and their restart: a gap in the samples, not a crash. */
    private final Set<ServiceId> down = ConcurrentHashMap.newKeySet();

    private final List<KillRecord> records = new ArrayList<>();
    private volatile boolean stopping;
    /** Set by close (Ctrl-C, teardown): a recovery in progress stops waiting. */
    private volatile boolean aborted;

    private Thread thread;

    public Supervisor(
            ChaosPlan plan,
            Duration runDuration,
            LocalStack stack,
            Http http,
            DoubleSupplier elapsed,
            Consumer<String> progress) {
        this.plan = plan;
        this.schedule = plan.schedule(runDuration);
        this.stack = stack;
        this.http = http;
        this.elapsed = elapsed;
        this.progress = progress;
        this.lag = stack.bootstrapServers().map(ConsumerLagProbe::new).orElse(null);
        this.operator = stack.bootstrapServers()
                .map(b -> new OperatorStep(b, this::writerWaits, progress))
                .orElse(null);
    }

    public ChaosPlan plan() {
        return plan;
    }

    public List<ChaosPlan.Kill> schedule() {
        return schedule;
    }

    public Supervisor start() {
        thread = new Thread(this::runPlan, "chaos-supervisor");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** True while {@code id} is down because the plan killed it (the sampler records a gap). */
    public boolean plannedDown(ServiceId id) {
        return down.contains(id);
    }

    /** True while kills of the plan are still to come or in progress. */
    public synchronized boolean busy() {
        return !stopping && records.size() < schedule.size();
    }

    /** What has happened so far (a copy). */
    public synchronized List<KillRecord> records() {
        return List.copyOf(records);
    }

    /**
     * Lets a kill in progress finish its recovery (at most {@code grace}), starts no new one, and returns every
     * kill's record; kills planned later than the run lasted are recorded as not done.
     */
    public List<KillRecord> finish(Duration grace) {
        stopping = true;
        if (thread != null) {
            try {
                thread.join(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<KillRecord> out = new ArrayList<>(records());
        for (ChaosPlan.Kill k : schedule.subList(Math.min(out.size(), schedule.size()), schedule.size())) {
            out.add(new KillRecord(
                    k.index(),
                    k.target().label(),
                    plan.seed(),
                    k.atSeconds(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    "not done: the run ended (or was stopped) before its planned time"));
        }
        return out;
    }

    private void runPlan() {
        for (ChaosPlan.Kill k : schedule) {
            while (!stopping && elapsed.getAsDouble() < k.atSeconds()) {
                sleep(200);
            }
            if (stopping) {
                return;
            }
            KillRecord r = execute(k);
            synchronized (this) {
                records.add(r);
            }
            progress.accept(String.format(
                    Locale.ROOT,
                    "chaos: %s killed at %.0f s, ready after %s, recovered after %s%s",
                    r.target(),
                    r.killedAt(),
                    seconds(r.secondsToReady()),
                    seconds(r.secondsToRecover()),
                    r.note() == null ? "" : " (" + r.note() + ")"));
        }
    }

    private KillRecord execute(ChaosPlan.Kill k) {
        Long before = totalLag();
        long limit = Math.max(1_000, before == null ? 0 : 2 * before);
        ServiceId service = k.target().service();
        double killedAt = elapsed.getAsDouble();
        Double restartedAt = null;
        Double readyAt = null;
        Double drainedAt = null;
        String note = null;
        try {
            if (service == null) {
                stack.killBroker();
            } else {
                down.add(service);
                stack.kill(service);
            }
            sleep(RESTART_BACKOFF.toMillis());
            restartedAt = elapsed.getAsDouble();
            if (service == null) {
                stack.restartBroker(READY_TIMEOUT);
            } else {
                stack.restart(service);
                down.remove(service);
            }
            List<ServiceId> watched = service == null ? List.of(ServiceId.values()) : List.of(service);
            OperatorStep.Rounds rounds = service == null && operator != null ? operator.rounds() : null;
            readyAt = awaitReady(watched, rounds);
            if (readyAt == null) {
                note = (note == null ? "" : note + "; ") + "not ready within " + READY_TIMEOUT.toSeconds() + " s";
                if (service == ServiceId.MARKET_DATA) {
                    startMarket(); // as an operator would: the market must not stay stopped because a probe is slow
                }
            } else {
                if (service == ServiceId.MARKET_DATA) {
                    note = startMarket();
                }
                drainedAt = awaitDrained(limit, rounds);
                if (drainedAt == null) {
                    note = (note == null ? "" : note + "; ") + "lag not back under " + limit + " within "
                            + DRAIN_TIMEOUT.toSeconds() + " s (last " + totalLag() + ")";
                }
            }
            String operatorNote = rounds == null ? null : rounds.note();
            if (operatorNote != null) {
                note = operatorNote + (note == null ? "" : "; " + note);
            }
        } catch (RuntimeException e) {
            note = "kill/restart failed: " + e.getMessage();
        } finally {
            if (service != null) {
                down.remove(service);
            }
        }
        return new KillRecord(
                k.index(),
                k.target().label(),
                plan.seed(),
                k.atSeconds(),
                killedAt,
                restartedAt,
                readyAt,
                drainedAt,
                before,
                limit,
                note);
    }

    /** See {@link OperatorStep#check()}; passes when the stack has no Kafka to act on. */
    public Check operatorAbortsCheck() {
        return operator == null
                ? new Check(OperatorStep.CHECK, "broker", true, "no operator step (no Kafka access)")
                : operator.check();
    }

    /**
     * Whether the service that owns {@code transactionalId} (its module name is the id's prefix) is not ready — it
     * says it waits for an operator; true for an id of no service of the stack.
     */
    private boolean writerWaits(String transactionalId) {
        for (ServiceId id : ServiceId.values()) {
            if (transactionalId.startsWith(id.module() + "-")) {
                return !ready(id);
            }
        }
        return true;
    }

    private boolean ready(ServiceId id) {
        try {
            return http.get(stack.service(id).resolve("q/health/ready"), "application/json")
                            .status()
                    == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Waits until every watched service is ready; {@code operator} (after a broker restart, else null) helps meanwhile. */
    private Double awaitReady(List<ServiceId> watched, OperatorStep.Rounds operator) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !aborted) {
            boolean all = true;
            for (ServiceId id : watched) {
                all &= ready(id);
            }
            if (all) {
                return elapsed.getAsDouble();
            }
            if (operator != null) {
                operator.round();
            }
            sleep(250);
        }
        return null;
    }

    private String startMarket() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                MarketClient.of(http, stack.service(ServiceId.MARKET_DATA)).send(MarketClient.Command.START);
                return null;
            } catch (MarketClient.Refused e) {
                if (e.status() == MarketClient.Refused.CONFLICT) {
                    return null; // already running
                }
            } catch (IOException e) {
                // not listening yet: retry
            }
            sleep(500);
        }
        return "POST /market/start after the restart kept failing";
    }

    private Double awaitDrained(long limit, OperatorStep.Rounds operator) {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !aborted) {
            Long total = totalLag();
            if (total != null && total <= limit) {
                return elapsed.getAsDouble();
            }
            if (operator != null) {
                operator.round();
            }
            sleep(1000);
        }
        return null;
    }

    private Long totalLag() {
        if (lag == null) {
            return null;
        }
        var byGroup = lag.lagByGroup();
        // a group that has not committed again yet (just restarted) is missing: no figure rather than a low one
        return byGroup.size() < 2
                ? null
                : byGroup.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String seconds(Double s) {
        return s == null ? "—" : String.format(Locale.ROOT, "%.1f s", s);
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
            aborted = true;
        }
    }

    @Override
    public void close() {
        stopping = true;
        aborted = true;
        if (lag != null) {
            lag.close();
        }
        if (operator != null) {
            operator.close();
        }
    }
}
