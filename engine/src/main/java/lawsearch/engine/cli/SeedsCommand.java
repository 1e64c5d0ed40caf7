package lawsearch.engine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import lawsearch.engine.task.LawChecks;
import lawsearch.engine.task.SeedLaws;
import lawsearch.engine.task.TaskSpec;
import lawsearch.engine.task.Tasks;
import lawsearch.evaluator.data.Dataset;
import lawsearch.grammar.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Seed laws of a task: documented forms and the user's own candidates. */
@Command(name = "seeds", mixinStandardHelpOptions = true, description = "Add or check a task's seed laws (seeds/<task>/*.law).",
        subcommands = {SeedsCommand.Add.class, SeedsCommand.Check.class})
public final class SeedsCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Validate a formula and add it as a seed law of the task.")
    static final class Add implements Callable<Integer> {
        @Mixin DataOptions data;

        @Parameters(paramLabel = "LAW", description = "The law, e.g. \"E + A*N^(-alpha)\".")
        String law;

        @Option(names = "--bounds", paramLabel = "BOUNDS", description = "Its parameter bounds.")
        String bounds;

        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            TaskSpec task = requireTask(data);
            Dataset ds = data.load();
            Path file = SeedLaws.add(task, Tasks.seedsDir().resolve(task.name()), LawChecks.Names.of(ds, task), law, bounds);
            spec.commandLine().getOut().println("added " + file);
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Parse and validate every seed law of the task.")
    static final class Check implements Callable<Integer> {
        @Mixin DataOptions data;

        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            TaskSpec task = requireTask(data);
            Dataset ds = data.load();
            List<String> problems = SeedLaws.check(task, Tasks.seedsDir().resolve(task.name()), LawChecks.Names.of(ds, task));
            problems.forEach(p -> spec.commandLine().getErr().println(p));
            if (!problems.isEmpty()) {
                return 2;
            }
            spec.commandLine().getOut().println("all seed laws of " + task.name() + " are valid");
            return 0;
        }
    }

    static TaskSpec requireTask(DataOptions data) {
        TaskSpec t = data.spec();
        if (t == null) {
            throw new UserError("give --task NAME");
        }
        return t;
    }
}
