package lawsearch.grammar.formatter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.Var;

/**
 * Finds the subexpressions a law repeats, to print them once in a where clause. A subtree is worth
 * a name when it occurs at least twice, has at least {@link #MIN_SIZE} nodes (naming {@code log(N)}
 * saves nothing), is more than a column to a constant power ({@link #isPowerOfColumn}) and holds a
 * variable (a repeated constant part reads fine inline). The largest
 * are taken first and a smaller one only if it still repeats outside those, so the named parts
 * never overlap. A normalised column ({@code data_size/1e10}, a column times or over a number) is
 * named too when the law, its named parts included, still writes it twice or more: the
 * normalisation is then shown once, its definition first under one small letter
 * ({@code d = data_size/1e10}), and later definitions use its name.
 */
final class SharedSubexpressions {
    static final int MIN_SIZE = 4;
    private static final String PREFIX = "u_";

    private SharedSubexpressions() { }

    /** What a placeholder stands for: the subtree, the column it is named after, whether it is a normalisation. */
    private record Named(Expr expr, String column, boolean normalisation) {
        Named with(Expr e) { return new Named(e, column, normalisation); }
    }

    static WhereForm find(Expr e, Set<String> reserved) {
        Map<Expr, Integer> counts = new LinkedHashMap<>();       // pre-order: ties keep reading order
        count(e, counts);
        List<Expr> candidates = counts.entrySet().stream()
                .filter(c -> c.getValue() >= 2 && Exprs.size(c.getKey()) >= MIN_SIZE && !Exprs.variables(c.getKey()).isEmpty()
                        && !isPowerOfColumn(c.getKey()))
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparingInt(Exprs::size).reversed())
                .toList();
        // The body and the named parts write a subtree at most as often as the law does.
        boolean normalisations = counts.entrySet().stream().anyMatch(c -> c.getValue() >= 2 && isNormalisedColumn(c.getKey()));
        if (candidates.isEmpty() && !normalisations) {
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
        Map<String, Named> named = new LinkedHashMap<>();
        chosen.forEach((sub, placeholder) -> named.put(((Param) placeholder).name(), new Named(sub, Exprs.variables(sub).get(0), false)));
        if (normalisations) {
            Map<Expr, Expr> scaled = normalisedColumns(body, named.values().stream().map(Named::expr).toList(), chosen.size());
            body = replace(body, scaled);
            named.replaceAll((placeholder, n) -> n.with(replace(n.expr(), scaled)));
            // A part the normalisations shrank below MIN_SIZE (log(N*2) -> log(n)) is written where it stands.
            Map<String, Expr> small = new HashMap<>();
            named.forEach((placeholder, n) -> {
                if (Exprs.size(n.expr()) < MIN_SIZE) {
                    small.put(placeholder, n.expr());
                }
            });
            named.keySet().removeAll(small.keySet());
            body = Exprs.substitute(body, small::get);
            scaled.forEach((sub, placeholder) -> named.put(((Param) placeholder).name(), new Named(sub, Exprs.variables(sub).get(0), true)));
        }
        Set<String> taken = new HashSet<>(reserved);
        taken.addAll(Exprs.parameters(e));
        taken.addAll(Exprs.variables(e));
        List<String> order = readingOrder(body, named);             // u_N before u_N2
        Map<String, String> names = new HashMap<>();
        for (String placeholder : order) {
            Named n = named.get(placeholder);
            names.put(placeholder, fresh(n.normalisation() ? letter(n.column()) : PREFIX + n.column(), taken));
        }
        List<WhereForm.Definition> definitions = new ArrayList<>();
        for (boolean normalisation : new boolean[] {true, false}) {  // normalisations first: the parts use them
            for (String placeholder : order) {
                Named n = named.get(placeholder);
                if (n.normalisation() == normalisation) {
                    definitions.add(new WhereForm.Definition(names.get(placeholder), Exprs.renameParams(n.expr(), names::get)));
                }
            }
        }
        return new WhereForm(Exprs.renameParams(body, names::get), definitions);
    }

    /**
     * The normalised columns written twice or more in the body and the named parts together, each
     * mapped to a placeholder numbered on from {@code next}.
     */
    private static Map<Expr, Expr> normalisedColumns(Expr body, List<Expr> parts, int next) {
        Map<Expr, Integer> counts = new LinkedHashMap<>();
        count(body, counts);
        parts.forEach(p -> count(p, counts));
        Map<Expr, Expr> out = new LinkedHashMap<>();
        counts.forEach((sub, n) -> {
            if (n >= 2 && isNormalisedColumn(sub)) {
                out.put(sub, new Param("\0" + (next + out.size())));
            }
        });
        return out;
    }

    /**
     * {@code x^(-gamma)}, {@code (x/1e9)^c1} or {@code x^0.5}: a column, normalised or not, to a
     * constant power, as a paper writes it in every term that has it. Named, it read
     * {@code E + A*u_dense_params*num_experts^(-alpha) + B*u_dense_params*num_experts^(-beta) where
     * u_dense_params = dense_params^(-gamma)}: a name to look up for what is plain to read.
     */
    static boolean isPowerOfColumn(Expr e) {
        if (!(e instanceof Binary b) || b.op() != Op.POW) {
            return false;
        }
        boolean column = b.left() instanceof Var || isNormalisedColumn(b.left());
        Expr p = b.right() instanceof Unary u && u.fn() == Fn.NEG ? u.arg() : b.right();
        return column && (p instanceof Param || p instanceof Num);
    }

    /** {@code x/1e9}, {@code x*0.5} or {@code 0.5*x}: one column and one number. */
    static boolean isNormalisedColumn(Expr e) {
        if (!(e instanceof Binary b)) {
            return false;
        }
        boolean columnByNumber = b.left() instanceof Var && b.right() instanceof Num;
        return switch (b.op()) {
            case DIV -> columnByNumber;
            case MUL -> columnByNumber || b.left() instanceof Num && b.right() instanceof Var;
            default -> false;
        };
    }

    /** The placeholders as a reader meets them: in the body, then in the definitions they open. */
    private static List<String> readingOrder(Expr body, Map<String, Named> named) {
        Set<String> seen = new LinkedHashSet<>();
        visit(body, named, seen);
        return new ArrayList<>(seen);
    }

    private static void visit(Expr e, Map<String, Named> named, Set<String> seen) {
        for (String p : Exprs.parameters(e)) {
            Named n = named.get(p);
            if (n != null && seen.add(p)) {
                visit(n.expr(), named, seen);
            }
        }
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

    /**
     * A normalised column's name as a paper writes it, one small letter: {@code d = data_size/1e10}
     * (capitals are the amplitudes' names); {@code u_} and the column where it starts otherwise.
     */
    private static String letter(String column) {
        char c = column.charAt(0);
        return Character.isLetter(c) ? String.valueOf(Character.toLowerCase(c)) : PREFIX + column;
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
