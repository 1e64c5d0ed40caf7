package lawsearch.engine.run;

import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.engine.search.Score;
import lawsearch.grammar.formatter.LawFileWriter;
import lawsearch.grammar.formatter.Printer;

/**
 * One law of pareto.json, the hall of fame: the law, its bounds and fit settings as a law file
 * spells them, and its standing. The fit settings are part of a law (its EVOLVE-BLOCK): without
 * them a front law could not be refitted as scored. An unsound law stays on the front, marked so. The component order is the key order in the file.
 */
public record ParetoRow(@JsonProperty("law") String law,
                        @JsonProperty("bounds") String bounds,
                        @JsonProperty("loss") String loss,
                        @JsonProperty("weight") String weight,
                        @JsonProperty("starts") int starts,
                        @JsonProperty("complexity") int complexity,
                        @JsonProperty("n_params") int parameters,
                        @JsonProperty("validation_r2") double validationR2,
                        @JsonProperty("fitness") double fitness,
                        @JsonProperty("shape") ShapeChecks shape) {

    /** {@code shape}: which soundness checks the law, fitted on every train row, passed (null: not checked). */
    public static ParetoRow of(Score s, ShapeChecks shape) {
        return new ParetoRow(Printer.print(s.law().expr()), Printer.printBounds(s.law().bounds()),
                LawFileWriter.loss(s.law().fit().loss()), LawFileWriter.weight(s.law().fit().weighting()),
                s.law().fit().starts(), s.complexity(), s.parameters(), s.validationR2(), s.fitness(), shape);
    }
}
