package lawsearch.engine.cli;

import java.util.List;

import lawsearch.engine.report.FittedRun;
import lawsearch.evaluator.data.Group;
import lawsearch.grammar.core.UserError;

/** What optimize and suggest share: the target and groups a user names, checked against the run. */
final class RunUse {
    private RunUse() { }

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
