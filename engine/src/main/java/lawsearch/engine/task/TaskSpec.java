package lawsearch.engine.task;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A task, as {@code seeds/<task>/task.json} describes it: where its data is ({@code data}, relative
 * to the repository root, or {@value #GENERATED} for data lawsearch generates), its targets and
 * features, short aliases for long column names ({@code N → num_params}), the scale variables along
 * which runs get larger (the largest train runs become the search's validation rows), the cap on
 * fitted constants per group over all targets together, and published reference scores.
 *
 * <p>Lists and maps are immutable. {@code scale} is null when task.json leaves it out (the search
 * then detects them from the train rows, {@code ScaleVariables}) and empty when no variable is a scale (validation rows at random).
 * {@code shape} is the reported law's required shape in {@code --shape}'s words (null: as the train
 * rows show; see {@code ShapeSpec}). {@code maxParams} is null for no cap; {@code grammar} (changes to the default search grammar) and
 * {@code reference} may be null.
 */
public record TaskSpec(@JsonProperty("name") String name,
                       @JsonProperty("description") String description,
                       @JsonProperty("data") String data,
                       @JsonProperty("targets") List<String> targets,
                       @JsonProperty("features") List<String> features,
                       @JsonProperty("aliases") Map<String, String> aliases,
                       @JsonProperty("scale") List<String> scale,
                       @JsonProperty("shape") String shape,
                       @JsonProperty("max_params") Integer maxParams,
                       @JsonProperty("grammar") GrammarSpec grammar,
                       @JsonProperty("reference") Reference reference) {

    /** The {@code data} value of a task whose rows lawsearch generates (the demo). */
    public static final String GENERATED = "generated";

    /**
     * Published scores on the task's test rows: the best known (any method) and the human law's,
     * either null when unknown, and where they come from.
     */
    public record Reference(@JsonProperty("best_published_r2") Double bestPublishedR2,
                            @JsonProperty("human_law_r2") Double humanLawR2,
                            @JsonProperty("note") String note) { }

    public TaskSpec {
        targets = targets == null ? List.of() : List.copyOf(targets);
        features = features == null ? List.of() : List.copyOf(features);
        aliases = aliases == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
        scale = scale == null ? null : List.copyOf(scale);
    }

    public boolean isGenerated() { return GENERATED.equals(data); }

    /** The data file: {@code data} resolved against the repository root. Not for a generated task. */
    public Path dataPath(Path repoRoot) {
        if (isGenerated()) {
            throw new IllegalStateException("task " + name + " has generated data, no file");
        }
        return repoRoot.resolve(data).normalize();
    }

    /** The names a law of this task may read: the features, then the aliases of features. */
    public Set<String> variables() {
        Set<String> v = new LinkedHashSet<>(features);
        aliases.forEach((alias, column) -> {
            if (features.contains(column)) {
                v.add(alias);
            }
        });
        return Collections.unmodifiableSet(v);
    }

    /** The column a variable name stands for: an alias's column, or the name itself. */
    public String column(String variable) { return aliases.getOrDefault(variable, variable); }

    /** Fitted constants allowed per target and group when one form is fitted per target; null: no cap. */
    public Integer maxParamsPerTarget() {
        if (maxParams == null || targets.isEmpty()) {
            return maxParams;
        }
        return maxParams / targets.size();
    }
}
