package lawsearch.grammar.formatter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;

/**
 * Finds the subexpressions a law repeats, to print them once in a where clause. A subtree is worth
 * a name when it occurs at least twice, has at least {@link #MIN_SIZE} nodes (naming {@code log(N)}
 * saves nothing) and holds a variable (a repeated constant part reads fine inline). The largest
 * are taken first and a smaller one only if it still repeats outside those, so the named parts
 * never overlap and a definition uses no other name.
 */
final class SharedSubexpressions {
    static final int MIN_SIZE = 4;
    private static final String PREFIX = "u_";

    private SharedSubexpressions() { }

    static WhereForm find(Expr e, Set<String> reserved) {
        Map<Expr, Integer> counts = new LinkedHashMap<>();       // pre-order: ties keep reading order
        count(e, counts);
        List<Expr> candidates = counts.entrySet().stream()
                .filter(c -> c.getValue() >= 2 && Exprs.size(c.getKey()) >= MIN_SIZE && !Exprs.variables(c.getKey()).isEmpty())
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparingInt(Exprs::size).reversed())
                .toList();
        if (candidates.isEmpty()) {
            return new WhereForm(e, List.of());
        }
        // Chosen subtrees become placeholder parameters no law text can spell, then get real names.
        Map<Expr, Expr> chosen = new LinkedHashMap<>();
        for (Expr c : candidates) {
            if (occurrences(replace(e, chosen), c) >= 2) {
                chosen.put(c, new Param("\0" + chosen.size()));
            }
        }
        Expr body = replace(e, chosen);
        Map<String, Expr> byPlaceholder = new HashMap<>();
        chosen.forEach((sub, placeholder) -> byPlaceholder.put(((Param) placeholder).name(), sub));
        Set<String> taken = new HashSet<>(reserved);
        taken.addAll(Exprs.parameters(e));
        taken.addAll(Exprs.variables(e));
        Map<String, String> names = new LinkedHashMap<>();
        List<WhereForm.Definition> definitions = new ArrayList<>();
        for (String placeholder : Exprs.parameters(body)) {          // reading order: u_N before u_N2
            Expr sub = byPlaceholder.get(placeholder);
            if (sub == null) {
                continue;                                             // one of the law's own parameters
            }
            String name = fresh(PREFIX + Exprs.variables(sub).get(0), taken);
            names.put(placeholder, name);
            definitions.add(new WhereForm.Definition(name, sub));
        }
        return new WhereForm(Exprs.renameParams(body, names::get), definitions);
    }

    /** Counts every subtree of {@code e}, structurally. */
    private static void count(Expr e, Map<Expr, Integer> counts) {
        counts.merge(e, 1, Integer::sum);
        switch (e) {
            case Unary u -> count(u.arg(), counts);
            case Binary b -> {
                count(b.left(), counts);
                count(b.right(), counts);
            }
            default -> { }
        }
    }

    private static int occurrences(Expr e, Expr sub) {
        if (e.equals(sub)) {
            return 1;
        }
        return switch (e) {
            case Unary u -> occurrences(u.arg(), sub);
            case Binary b -> occurrences(b.left(), sub) + occurrences(b.right(), sub);
            default -> 0;
        };
    }

    /** {@code e} with each outermost subtree found in {@code by} replaced by its value. */
    private static Expr replace(Expr e, Map<Expr, Expr> by) {
        Expr r = by.get(e);
        if (r != null) {
            return r;
        }
        return switch (e) {
            case Unary u -> new Unary(u.fn(), replace(u.arg(), by));
            case Binary b -> new Binary(b.op(), replace(b.left(), by), replace(b.right(), by));
            default -> e;
        };
    }

    /** {@code base}, or {@code base2}, {@code base3}... whichever is first not taken; it is then taken. */
    private static String fresh(String base, Set<String> taken) {
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + i;
        }
        taken.add(name);
        return name;
    }
}
