package lawsearch.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;
import lawsearch.grammar.core.Law;

import lawsearch.grammar.parser.LawParser;

/** Law → numpy source: columns by CSV position (aliases resolved), constants by law order, float literals. */
class PythonLawTest {
    static final Dataset DATA = new Dataset("t", List.of("tokens", "num_params"), List.of("loss"),
            List.of(new Group("g", Frame.empty(List.of("tokens", "num_params", "loss")), Frame.empty(List.of("tokens", "num_params", "loss")))),
            Map.of("N", "num_params"));

    static String source(String law) {
        Law l = Law.of(LawParser.parse(law, DATA.variableNames()));
        return new PythonLaw(l, DATA).source(l.expr());
    }

    @Test
    void columnsParametersAndOperators() {
        assertThat(source("E + A*N^(-alpha)")).isEqualTo("(p[0] + (p[1] * np.power(X[:, 1], (-p[2]))))");
        assertThat(source("log(tokens)/2 - abs(c)")).isEqualTo("((np.log(X[:, 0]) / 2.0) - np.abs(p[0]))");
        assertThat(source("exp(-3e-9*N) + sqrt(tanh(tokens))")).isEqualTo("(np.exp(((-3.0E-9) * X[:, 1])) + np.sqrt(np.tanh(X[:, 0])))");
    }

    @Test
    void aRepeatedSubexpressionIsComputedOnceAsALocal() {
        Law l = Law.of(LawParser.parse("a*(log(N) - c)^2 + b*(log(N) - c)", DATA.variableNames()));
        // Constants keep the expanded law's order (a, c, b): the export's PARAMS and the fit's constants agree.
        String f = new PythonLaw(l, DATA).function(l);
        assertThat(f).contains("        u_N = (np.log(X[:, 1]) - p[1])\n        f = ((p[0] * np.power(u_N, 2.0)) + (p[2] * u_N))\n")
                .contains("a*u_N^2 + b*u_N where u_N = log(N) - c");
    }

    /** A normalised column is named by its first letter, but never p, f, X or np: the function's own names. */
    @Test
    void aNamedNormalisationHidesNoneOfTheFunctionsNames() {
        Dataset data = new Dataset("t", List.of("params", "fraction"), List.of("loss"),
                List.of(new Group("g", Frame.empty(List.of("params", "fraction", "loss")), Frame.empty(List.of("params", "fraction", "loss")))),
                Map.of());
        Law l = Law.of(LawParser.parse("a*(params/1e9)^b + c*log(params/1e9) + d*(fraction*2)^b + log(fraction*2)", data.variableNames()));
        String f = new PythonLaw(l, data).function(l);
        assertThat(f).contains("        p2 = (X[:, 0] / 1.0E9)\n        f2 = (X[:, 1] * 2.0)\n")
                .contains("where p2 = params/1e9, f2 = fraction*2");
    }

    @Test
    void literalsReadBackExactly() {
        assertThat(PythonLaw.number(0.1)).isEqualTo("0.1");
        assertThat(PythonLaw.number(-2.5e-300)).isEqualTo("(-2.5E-300)");
        assertThat(PythonLaw.number(Double.NaN)).isEqualTo("float(\"nan\")");
        assertThat(PythonLaw.string("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
        assertThat(PythonLaw.comment("x\ny")).isEqualTo("x y");
    }
}
