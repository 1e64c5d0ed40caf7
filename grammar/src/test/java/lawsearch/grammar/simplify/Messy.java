package lawsearch.grammar.simplify;

import java.util.SplittableRandom;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.Var;

/** Wraps random subtrees the way searches write laws, so the readable form has something to undo. */
final class Messy {
    private Messy() { }

    static Expr of(Expr e, SplittableRandom rng) {
        int[] fresh = {Exprs.parameters(e).size() + 100};
        return wrap(e, rng, fresh);
    }

    private static Expr wrap(Expr e, SplittableRandom rng, int[] fresh) {
        Expr inner = switch (e) {
            case Unary u -> new Unary(u.fn(), wrap(u.arg(), rng, fresh));
            case Binary b -> new Binary(b.op(), wrap(b.left(), rng, fresh), wrap(b.right(), rng, fresh));
            default -> e;
        };
        if (rng.nextDouble() > 0.2) {
            return inner;
        }
        Param c = new Param("m" + fresh[0]++);
        return switch (rng.nextInt(11)) {
            case 0 -> Expr.pow(inner, new Num(1));
            case 1 -> inner instanceof Var ? Expr.unary(Fn.SQRT, Expr.pow(inner, c)) : inner;
            case 2 -> inner instanceof Var ? Expr.div(inner, new Num(1e4)) : inner;
            case 3 -> Expr.pow(inner, new Num(0.5));
            case 4 -> inner instanceof Var ? Expr.unary(Fn.LOG, Expr.div(Expr.unary(Fn.SQRT, inner), new Num(1e9))) : inner;
            case 5 -> Expr.mul(inner, new Num(2));
            case 6 -> inner instanceof Param ? Expr.add(inner, new Num(3)) : inner;
            case 7 -> Expr.pow(Expr.pow(inner, new Num(-0.5)), c);
            case 9 -> inner instanceof Var ? Expr.unary(Fn.SQRT, Expr.unary(Fn.EXP, Expr.mul(c, Expr.pow(inner, new Num(-0.5))))) : inner;
            case 10 -> inner instanceof Var ? Expr.pow(Expr.unary(Fn.EXP, Expr.mul(c, Expr.unary(Fn.LOG, inner))), new Num(2)) : inner;
            default -> inner instanceof Param ? Expr.mul(inner, c) : inner;
        };
    }
}
