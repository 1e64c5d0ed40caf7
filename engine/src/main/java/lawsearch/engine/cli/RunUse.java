package lawsearch.engine.cli;

import java.nio.file.Path;
import java.util.List;

import lawsearch.engine.report.FittedRun;
import lawsearch.engine.report.RunDir;
import lawsearch.evaluator.data.Group;
import lawsearch.grammar.core.UserError;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the commands that use a run share: the run {@code --run} names, and the target and groups a
 * user names, checked against it.
 */
final class RunUse {
    private RunUse() { }

    /** The --run option's text, shared by predict, optimize, suggest and export. */
    static final String RUN_HELP = "A finished run directory, or a folder of repeated runs (runs/<task>/<entry>): the run whose law "
            + "validates best of the sound ones is used.";

    /** The run {@code dir} names: a run directory, or a folder of repeated runs (the one used is said on standard error). */
    static RunDir run(Path dir, CommandSpec spec) {
        return RunDir.readOrChoose(dir, m -> {
            spec.commandLine().getErr().println("lawsearch: " + m);
            spec.commandLine().getErr().flush();
        });
    }

    /** {@code name}, or the run's first target when null; an unknown target is a user error. */
    static String target(FittedRun fr, String name) {
        List<String> targets = fr.data().targets();
        if (name == null) {
            return targets.get(0);
        }
        if (!targets.contains(name)) {
            throw new UserError("--target: no target " + name + " in the run (targets: " + String.join(", ", targets) + ")");
        }
        return name;
    }

    /** The group called {@code name}, or every group when null; an unknown group is a user error. */
    static List<Group> groups(FittedRun fr, String name) {
        if (name == null) {
            return fr.data().groups();
        }
        return List.of(group(fr, name, "--group"));
    }

    static Group group(FittedRun fr, String name, String where) {
        return fr.data().groups().stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new UserError(where + ": no group " + name + " in the run (groups: "
                        + String.join(", ", fr.data().groups().stream().map(Group::name).toList()) + ")"));
    }
}
