package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import lawsearch.engine.search.FitVariants;
import lawsearch.engine.search.Score;
import lawsearch.engine.search.SearchOptions;
import lawsearch.grammar.core.FitSettings;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Loss;
import lawsearch.grammar.operators.Grammar;
import lawsearch.grammar.parser.LawParser;

class DiscoveryTest {
    private static final Grammar GRAMMAR = Grammar.builder(List.of("N")).maxParams(3).build();

    private static Law law(String text) { return Law.of(LawParser.parse(text, Set.of("N"))); }

    /** A seed is weighed as written and fitted the way the search's fittest law is fitted; seeds the grammar refuses are not. */
    @Test
    void documentedFormsAreTheAdmittedSeedsAsWrittenAndWithTheFittestsFitSettings() {
        FitSettings evolved = FitSettings.DEFAULT.withLoss(Loss.LOG_MSE).withStarts(12);
        Score fittest = Score.of(law("c1*N^c2 + c3").withFit(evolved), 1, 0.01, 7, 3, SearchOptions.DEFAULTS.parsimony());
        Law seed = law("E + A*N^(-alpha)");
        Law tooBig = law("E + A*N^(-alpha) + B*N^(-beta)");
        assertThat(Discovery.documented(List.of(seed, tooBig), GRAMMAR, fittest)).containsExactly(seed, seed.withFit(evolved));
        assertThat(Discovery.documented(List.of(seed), GRAMMAR, null)).containsExactly(seed);
        assertThat(Discovery.documented(List.of(seed.withFit(evolved)), GRAMMAR, fittest)).containsExactly(seed.withFit(evolved));
    }

    /** A template is weighed as documented forms are, then under every polished fit setting, each law once. */
    @Test
    void templatesAreWeighedUnderEveryPolishedFitSetting() {
        FitSettings evolved = FitSettings.DEFAULT.withLoss(Loss.LOG_MSE).withStarts(12);
        Score fittest = Score.of(law("c1*N^c2 + c3").withFit(evolved), 1, 0.01, 7, 3, SearchOptions.DEFAULTS.parsimony());
        Law template = law("E + A*N^(-alpha)");
        Law tooBig = law("E + A*N^(-alpha) + B*N^(-beta)");
        List<Law> weighed = Discovery.templateVariants(List.of(template, tooBig), GRAMMAR, fittest, List.of("N"));
        assertThat(weighed.subList(0, 2)).containsExactly(template, template.withFit(evolved));
        assertThat(weighed).doesNotHaveDuplicates().doesNotContain(tooBig)
                .containsAll(FitVariants.of(template, List.of("N")));
        assertThat(weighed).hasSize(2 + FitVariants.of(template, List.of("N")).size() - 1);   // mse, uniform is the template as written
    }
}
