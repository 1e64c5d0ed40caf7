package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.soundness.Domain;

/** The levers a passed-over note offers: check fewer variables, or read the disputed ones as settings. */
class PassedOverHintTest {
    private static Domain falling(String... scale) {
        return new Domain(List.of(scale), List.of(), Map.of(), true, true, false, List.of());
    }

    @Test
    void rowsAgreeingEverywhereNeedNoHint() {
        assertThat(PassedOver.hint(falling("params", "tokens"), List.of())).isNull();
    }

    @Test
    void aDisputedVariableMayBeLeftUncheckedOrReadAsASetting() {
        assertThat(PassedOver.hint(falling("params", "tokens", "lr"), List.of("lr"))).isEqualTo(
                "--shape \"decreasing: params, tokens\" checks only params, tokens; --shape none checks nothing; "
                        + "if lr is a setting (a learning rate, a batch size) rather than a size, --scale params,tokens fits its best value at each size");
        assertThat(PassedOver.hint(falling("params", "lr", "bsz"), List.of("lr", "bsz")))
                .endsWith("if lr, bsz are settings (a learning rate, a batch size) rather than a size, --scale params fits their best value at each size");
    }

    @Test
    void withNoVariableAgreedOnlyNoneIsLeft() {
        assertThat(PassedOver.hint(falling("params"), List.of("params"))).startsWith("--shape none");
    }
}
