package io.steadystate.soak.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Which processes to kill -9 and when: {@code --chaos SPEC} or a profile's {@code chaos:} field.
 *
 * <p>SPEC is {@code key=value} pairs separated by commas, every key optional:
 * {@code targets=market-data+strategy+order+broker,seed=42,from=0.15,to=0.6,rounds=1} (the defaults; {@code default}
 * alone means all defaults). The kills happen in the order of {@code targets}, repeated {@code rounds} times. The
 * window {@code [from, to]} (fractions of the run) is cut into one equal slot per kill and each kill lands at a
 * point of its slot drawn from {@code seed}: random, reproducible, never two kills at once, and the last kill early
 * enough that every restarted process has a segment of its own to be judged on.
 */
public record ChaosPlan(List<ChaosTarget> targets, long seed, double from, double to, int rounds) {

    public static final ChaosPlan DEFAULT = new ChaosPlan(
            List.of(ChaosTarget.MARKET_DATA, ChaosTarget.STRATEGY, ChaosTarget.ORDER, ChaosTarget.BROKER),
            42,
            0.15,
            0.6,
            1);

    /** One kill of the plan: the target and the second of the run (wall clock since sampling began) it happens at. */
    public record Kill(int index, ChaosTarget target, double atSeconds) {}

    public ChaosPlan {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("chaos needs at least one target");
        }
        if (!(from >= 0 && from < to && to <= 0.95)) {
            throw new IllegalArgumentException(
                    "chaos window must satisfy 0 <= from < to <= 0.95, was " + from + ".." + to);
        }
        if (rounds < 1 || rounds > 10) {
            throw new IllegalArgumentException("chaos rounds must be 1..10, was " + rounds);
        }
    }

    public static ChaosPlan parse(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equals("default")) {
            return DEFAULT;
        }
        List<ChaosTarget> targets = DEFAULT.targets;
        long seed = DEFAULT.seed;
        double from = DEFAULT.from;
        double to = DEFAULT.to;
        int rounds = DEFAULT.rounds;
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException(
                        "--chaos takes key=value pairs (targets, seed, from, to, rounds), got '" + pair + "'");
            }
            String v = kv[1].trim();
            try {
                switch (kv[0].trim()) {
                    case "targets" -> {
                        List<ChaosTarget> t = new ArrayList<>();
                        for (String name : v.split("\\+")) {
                            t.add(ChaosTarget.parse(name));
                        }
                        targets = t;
                    }
                    case "seed" -> seed = Long.parseLong(v);
                    case "from" -> from = Double.parseDouble(v);
                    case "to" -> to = Double.parseDouble(v);
                    case "rounds" -> rounds = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown --chaos key '" + kv[0] + "'");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--chaos " + kv[0] + " is not a number: '" + v + "'");
            }
        }
        return new ChaosPlan(targets, seed, from, to, rounds);
    }

    /** The kills in time order for a run of {@code duration}. */
    public List<Kill> schedule(Duration duration) {
        Random random = new Random(seed);
        int n = targets.size() * rounds;
        double start = duration.toMillis() / 1000.0 * from;
        double slot = duration.toMillis() / 1000.0 * (to - from) / n;
        List<Kill> kills = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // the middle 80 % of a slot: neighbouring kills stay at least a fifth of a slot apart
            double at = start + slot * i + slot * (0.1 + 0.8 * random.nextDouble());
            kills.add(new Kill(i, targets.get(i % targets.size()), at));
        }
        return List.copyOf(kills);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "targets=%s,seed=%d,from=%s,to=%s,rounds=%d",
                String.join("+", targets.stream().map(ChaosTarget::label).toList()),
                seed,
                from,
                to,
                rounds);
    }
}
