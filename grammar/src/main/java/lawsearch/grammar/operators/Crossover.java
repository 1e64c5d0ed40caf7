package lawsearch.grammar.operators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Law;

/**
 * Subtree crossover between two laws: a random additive term of the donor replaces (or joins) a
 * random term of the receiver. The donor's parameters are renamed apart first, so constants of
 * different laws are never merged by accident; their bounds come along.
 */
public final class Crossover {
    private Crossover() { }

    public static Law cross(Law receiver, Law donor, Grammar grammar, RandomGenerator rng) {
        List<Expr> mine = new ArrayList<>(Trees.terms(receiver.expr()));
        List<Expr> theirs = Trees.terms(donor.expr());
        Set<String> used = Trees.names(receiver, grammar);
        Map<String, String> rename = new HashMap<>();
        for (String p : donor.parameters()) {
            rename.put(p, Trees.fresh(used));
        }
        Expr gift = Trees.renameParams(theirs.get(rng.nextInt(theirs.size())), rename::get);
        if (rng.nextBoolean() && mine.size() < grammar.maxTerms() + 1) {
            mine.add(gift);
        } else {
            mine.set(rng.nextInt(mine.size()), gift);
        }
        Bounds extra = Bounds.NONE;
        for (var e : donor.bounds().byParam().entrySet()) {
            extra = extra.with(rename.get(e.getKey()), e.getValue());
        }
        Law child = Trees.withExpr(receiver, Trees.sum(mine), extra);
        return grammar.accepts(child) ? Redundancy.reduce(child, grammar) : receiver;
    }
}
