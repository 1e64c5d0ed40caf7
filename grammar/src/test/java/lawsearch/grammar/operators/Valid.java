package lawsearch.grammar.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.formatter.Printer;

/** The grammars the operator tests use, and what "a law the grammar accepts" means, checked item by item. */
final class Valid {
    private Valid() { }

    /** Variables N and D, N divided by its typical scale 1e9; at most 4 parameters and 30 nodes. */
    static final Grammar GRAMMAR = Grammar.builder(List.of("N", "D")).scale("N", 1e9).maxParams(4).maxSize(30).build();

    /** The same with N and D declared scale variables (weights by scale, no exp along them). */
    static final Grammar SCALED = Grammar.builder(List.of("N", "D")).scale("N", 1e9).maxParams(4).maxSize(30)
            .scaleVariables(List.of("N", "D")).build();

    /**
     * The first with the data's other columns reserved, named as lawsearch names constants (a floor E,
     * c1, …): no constant may take one, or the law's text read back would read it as the column.
     */
    static final Grammar RESERVED = Grammar.builder(List.of("N", "D")).scale("N", 1e9).maxParams(4).maxSize(30)
            .reserved(List.of("E", "c1", "c2", "c4")).build();

    static final List<Grammar> GRAMMARS = List.of(GRAMMAR, SCALED, RESERVED);

    static final int SEEDS = 300;

    /** Accepted by {@code g}, and each of the reasons why checked on its own, so a failure says which. */
    static void assertValid(Grammar g, Law law) {
        String text = Printer.print(law.expr()) + "  [" + Printer.printBounds(law.bounds()) + "]";
        assertThat(g.accepts(law)).as("accepted: %s", text).isTrue();
        assertThat(Exprs.size(law.expr())).as("size of %s", text).isLessThanOrEqualTo(g.maxSize());
        assertThat(Exprs.depth(law.expr())).as("depth of %s", text).isLessThanOrEqualTo(g.maxDepth());
        assertThat(Exprs.logNesting(law.expr())).as("logs nested in %s", text).isLessThanOrEqualTo(g.maxLogNesting());
        assertThat(law.parameters()).as("parameters of %s", text).hasSizeLessThanOrEqualTo(g.maxParams());
        assertThat(law.variables()).as("variables of %s", text).isSubsetOf(g.variables());
        assertThat(law.bounds().byParam().keySet()).as("bounds of %s name only its parameters", text).isSubsetOf(law.parameters());
        assertThat(law.parameters()).as("parameters of %s named as no column is", text).doesNotContainAnyElementsOf(g.reserved());
        assertThat(usesOnlyGrammar(g, law.expr())).as("functions and operators of %s", text).isTrue();
    }

    private static boolean usesOnlyGrammar(Grammar g, Expr e) {
        return switch (e) {
            case Num n -> Double.isFinite(n.value());
            case Unary u -> (u.fn() == Fn.NEG || g.functions().contains(u.fn())) && usesOnlyGrammar(g, u.arg());
            case Binary b -> g.operators().contains(b.op()) && usesOnlyGrammar(g, b.left()) && usesOnlyGrammar(g, b.right());
            default -> true;
        };
    }

    /** Every parameter {@code child} kept from {@code parent} keeps its bounds. */
    static void assertKeepsBounds(Law parent, Law child) {
        for (String p : child.parameters()) {
            if (parent.parameters().contains(p)) {
                assertThat(child.bounds().of(p)).as("bounds of %s in %s (from %s)", p, Printer.print(child.expr()), Printer.print(parent.expr()))
                        .isEqualTo(parent.bounds().of(p));
            }
        }
    }
}
