package lawsearch.grammar.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Interval, Bounds, FitSettings, Loss and Weighting: the checks their constructors make. */
class CoreValuesTest {
    static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void endsAFitStoppedAt() {
        Interval i = new Interval(-4, 4);
        assertThat(i.endAt(3.9999999276823694)).isEqualTo(4);   // data_constrained's alpha, as fitted
        assertThat(i.endAt(-4)).isEqualTo(-4);
        assertThat(i.endAt(3.99)).isNaN();
        assertThat(i.endAt(Double.NaN)).isNaN();
        Interval nonNegative = new Interval(0, INF);
        assertThat(nonNegative.endAt(3.5e-11)).isEqualTo(0);
        assertThat(nonNegative.endAt(1e-6)).isNaN();
        assertThat(new Interval(-INF, 1e4).endAt(1e4 - 1e-5)).isEqualTo(1e4);   // near relative to the end's size
        assertThat(new Interval(2, 2).endAt(2)).isNaN();                        // fixed, not stopped
        assertThat(Interval.FREE.endAt(0)).isNaN();
        // spanning decades, judged in log: a millionth of the span is nothing beside 1e-51 against 1e-66
        Interval decades = new Interval(1e-66, 0.676);
        assertThat(decades.endAt(1.16e-51)).isNaN();
        assertThat(decades.endAt(1e-66 * (1 + 1e-5))).isEqualTo(1e-66);
        assertThat(decades.endAt(0.676 * (1 - 1e-5))).isEqualTo(0.676);
        assertThat(decades.endAt(0.6)).isNaN();
    }

    @Test
    void intervals() {
        Interval i = new Interval(0, 1);
        assertThat(i.contains(0)).isTrue();
        assertThat(i.contains(1)).isTrue();
        assertThat(i.contains(1.5)).isFalse();
        assertThat(i.clamp(7)).isEqualTo(1);
        assertThat(i.clamp(-7)).isEqualTo(0);
        assertThat(i.hasLower()).isTrue();
        assertThat(new Interval(0, INF).hasUpper()).isFalse();
        assertThat(Interval.FREE.isFree()).isTrue();
        assertThat(i.and(new Interval(0.5, 3))).isEqualTo(new Interval(0.5, 1));
        assertThat(new Interval(2, 2).contains(2)).isTrue();
        assertThatThrownBy(() -> new Interval(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Interval(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> i.and(new Interval(2, 3))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundsIntersectKeepOrderAndRename() {
        Bounds b = Bounds.NONE.with("b", new Interval(0, 10)).with("a", new Interval(-1, 1)).with("b", new Interval(5, INF));
        assertThat(b.byParam()).containsExactly(Map.entry("b", new Interval(5, 10)), Map.entry("a", new Interval(-1, 1)));
        assertThat(b.of("zzz")).isEqualTo(Interval.FREE);
        assertThat(b.renamed(n -> n.equals("a") ? "x" : null).byParam()).containsExactly(Map.entry("x", new Interval(-1, 1)));
        assertThat(Bounds.NONE.isEmpty()).isTrue();
        assertThat(Bounds.NONE.with("a", Interval.FREE)).isNotEqualTo(Bounds.NONE);
        assertThatThrownBy(() -> b.byParam().put("c", Interval.FREE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fitSettings() {
        assertThat(FitSettings.DEFAULT).isEqualTo(new FitSettings(Loss.MSE, Weighting.UNIFORM, 8));
        assertThat(FitSettings.DEFAULT.withStarts(3).withLoss(Loss.LOG_MSE).withWeighting(new Weighting.Scale("N", 1)))
                .isEqualTo(new FitSettings(Loss.LOG_MSE, new Weighting.Scale("N", 1), 3));
        assertThatThrownBy(() -> FitSettings.DEFAULT.withStarts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Loss.Huber(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Loss.Huber(INF)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Loss.Huber(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Weighting.Scale("N", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Loss.MSE).isEqualTo(new Loss.Mse());
    }

    @Test
    void lawsListTheirNamesInOrderOfAppearance() {
        Law law = Law.of(Expr.add(new Param("b"), Expr.mul(new Param("a"), Expr.pow(new Var("N"), new Param("b")))));
        assertThat(law.parameters()).containsExactly("b", "a");
        assertThat(law.variables()).containsExactly("N");
        assertThat(law.bounds()).isEqualTo(Bounds.NONE);
        assertThat(law.fit()).isEqualTo(FitSettings.DEFAULT);
    }
}
