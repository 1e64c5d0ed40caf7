package lawsearch.engine.search;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which documented templates ({@link Templates}) are offered ({@code "templates"} in an options file).
 *
 * @param maxHyperParameters a bowl over more hyper-parameters than this has no cross terms (each
 *                           distance to its optimum squared alone): the full quadratic form grows
 *                           with their square and stops being a useful start (default 3)
 * @param maxConstants       without a parameter cap, no template with more constants per target
 *                           than this (default 24)
 */
public record TemplateLimits(@JsonProperty("max_hyper_parameters") int maxHyperParameters,
                             @JsonProperty("max_constants") int maxConstants) {

    public static final TemplateLimits DEFAULT = new TemplateLimits(3, 24);

    public TemplateLimits {
        OptionCheck.check(maxHyperParameters >= 0, "templates.max_hyper_parameters", "an integer >= 0", maxHyperParameters);
        OptionCheck.check(maxConstants >= 1, "templates.max_constants", "an integer >= 1", maxConstants);
    }
}
