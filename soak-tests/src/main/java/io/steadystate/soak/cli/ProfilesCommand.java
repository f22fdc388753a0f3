package io.steadystate.soak.cli;

import io.steadystate.soak.profile.DurationText;
import io.steadystate.soak.profile.Profile;
import io.steadystate.soak.profile.ProfileCatalog;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "profiles", description = "List the session profiles.")
final class ProfilesCommand implements Callable<Integer> {

    @Option(names = "--profiles-file", description = "a profiles YAML instead of the built-in one")
    Path file;

    @Override
    public Integer call() {
        ProfileCatalog c = file == null ? ProfileCatalog.builtIn() : ProfileCatalog.fromFile(file);
        System.out.printf(
                Locale.ROOT,
                "%-8s %-7s %8s %7s %7s %8s %6s %10s  %s%n",
                "profile",
                "wall",
                "mkt days",
                "symbols",
                "speed",
                "ticks/s",
                "churn",
                "API load",
                "description");
        for (String name : c.names()) {
            Profile p = c.get(name);
            System.out.printf(
                    Locale.ROOT,
                    "%-8s %-7s %8.1f %7d %7.0f %8.0f %5.0f%% %10s  %s%s%n",
                    name,
                    DurationText.format(p.duration()),
                    p.simulatedDays(),
                    p.symbols(),
                    p.speed(),
                    p.wallTicksPerSecond(),
                    p.churnPerDay() * 100,
                    p.orderApi().users() + "u/" + (int) p.orderApi().rps() + "rps",
                    p.description(),
                    name.equals(c.defaultName()) ? " (default)" : "");
        }
        System.out.println(
                "mkt days: simulated clock time while markets are open (wall × speed); nights and weekends are"
                        + " jumped, so a run covers more calendar days — the report states what it measured.");
        return 0;
    }
}
