package lawsearch.evaluator.soundness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.data.Dataset;

/** Proportions and hyper-parameters, told apart by the train rows' values alone. */
class RolesTest {
    static final List<String> SCALE = List.of("params");

    @Test
    void aColumnReachingZeroInTheUnitIntervalIsAProportion() {
        Dataset d = SoundnessTest.table(List.of("params", "share"), SoundnessTest.grid(new double[] {1e7, 1e8, 1e9}, new double[] {0, 0.25, 0.5}),
                r -> 2 + 300 * Math.pow(r[0], -0.3) + r[1]);
        assertThat(Roles.proportions(d, SCALE)).containsExactly("share");
        assertThat(Roles.hyperParameters(d, SCALE)).isEmpty();
        assertThat(Domain.of(d, "loss", SCALE).box().get("share")).containsExactly(0, 1);
    }

    @Test
    void aWeightDecaySweptOnALogScaleUpToOneIsAHyperParameter() {
        // 0.01, 0.1, 1: in [0, 1] and reaching 0.5, but swept over 100x. As a proportion its bowl,
        // log(weight_decay), was checked at 0 and never passed.
        Dataset d = SoundnessTest.table(List.of("params", "wd"), SoundnessTest.grid(new double[] {1e7, 1e8, 1e9}, new double[] {0.01, 0.1, 1}),
                r -> 2 + 300 * Math.pow(r[0], -0.3) + 0.01 * Math.pow(Math.log(r[1] / 0.1), 2));
        assertThat(Roles.proportions(d, SCALE)).isEmpty();
        assertThat(Roles.hyperParameters(d, SCALE)).containsExactly("wd");
        Domain dom = Domain.of(d, "loss", SCALE);
        assertThat(dom.box().get("wd")).containsExactly(0.01, 1);
        assertThat(dom.onLogScale("wd")).isTrue();
        Dataset even = SoundnessTest.table(List.of("params", "p"), SoundnessTest.grid(new double[] {1e7, 1e8}, new double[] {0.1, 0.3, 0.5, 0.7}),
                r -> 2 + 300 * Math.pow(r[0], -0.3) + r[1]);
        assertThat(Roles.proportions(even, SCALE)).as("evenly spaced as written: a proportion").containsExactly("p");
    }

    @Test
    void aSettingSweptTowardOneIsAHyperParameterAsWritten() {
        // An Adam beta2 of 0.9, 0.95, 0.99 (hyper_wd): checked at 0, beta2^c could never pass.
        Dataset d = SoundnessTest.table(List.of("params", "beta2"), SoundnessTest.grid(new double[] {1e7, 1e8, 1e9}, new double[] {0.9, 0.95, 0.99}),
                r -> 2 + 300 * Math.pow(r[0], -0.3) + 5 * Math.pow(r[1] - 0.96, 2));
        assertThat(Roles.proportions(d, SCALE)).isEmpty();
        assertThat(Roles.hyperParameters(d, SCALE)).containsExactly("beta2");
        assertThat(Roles.asWritten(d, "beta2")).as("its bowl is (beta2 - c)^2").isTrue();
        Domain dom = Domain.of(d, "loss", SCALE);
        assertThat(dom.box().get("beta2")).containsExactly(0.9, 0.99);
        assertThat(dom.onLogScale("beta2")).isFalse();
        // Retuned two spans down and toward 1, but no nearer 1 than halfway from 0.99.
        assertThat(dom.retuneRange("beta2")).containsExactly(new double[] {0.72, 0.995}, org.assertj.core.data.Offset.offset(1e-12));
        // A share from one half up, no nearer 1 at its top than 5x its bottom, stays a proportion.
        Dataset share = SoundnessTest.table(List.of("params", "p"), SoundnessTest.grid(new double[] {1e7, 1e8}, new double[] {0.5, 0.6, 0.8}),
                r -> 2 + 300 * Math.pow(r[0], -0.3) + r[1]);
        assertThat(Roles.proportions(share, SCALE)).containsExactly("p");
    }

    @Test
    void columnsSummingToOneAreAMixtureEvenWhenSweptOnALogScale() {
        double[][] rows = new double[6][];
        double[] a = {0.1, 0.2, 0.4, 0.6, 0.8, 0.9};
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {1e7 * (i + 1), a[i], 1 - a[i]};
        }
        Dataset d = SoundnessTest.table(List.of("params", "web", "code"), rows, r -> 2 + r[1] * r[2]);
        assertThat(Roles.proportions(d, SCALE)).containsExactly("web", "code");
        assertThat(Roles.hyperParameters(d, SCALE)).isEmpty();
    }

    @Test
    void aLoggedColumnIsAHyperParameterAsWrittenAndTwoValuesAreNone() {
        Dataset d = SoundnessTest.table(List.of("params", "log10_lr", "seq"), new double[][] {
                {1e7, -4, 0.3}, {1e7, -3, 0.8}, {1e8, -2, 0.3}, {1e8, -3, 0.8}},
                r -> 2 + 300 * Math.pow(r[0], -0.3) + r[1] * r[1] / 100);
        assertThat(Roles.hyperParameters(d, SCALE)).containsExactly("log10_lr");
        assertThat(Roles.proportions(d, SCALE)).containsExactly("seq");   // two values: not swept
        assertThat(Domain.of(d, "loss", SCALE).onLogScale("log10_lr")).isFalse();
    }

    @Test
    void aColumnFromZeroUpIsNoHyperParameter() {
        // A training step (or a warmup of 0): no logged quantity, and no optimum the law moves.
        Dataset d = SoundnessTest.table(List.of("params", "step"), SoundnessTest.grid(new double[] {1e7, 1e8, 1e9}, new double[] {0, 100, 1000, 10000}),
                r -> 2 + 300 * Math.pow(r[0], -0.3) + 5 / (1 + r[1]));
        assertThat(Roles.hyperParameters(d, SCALE)).isEmpty();
        assertThat(Roles.proportions(d, SCALE)).isEmpty();
    }

    @Test
    void aColumnOfTwoValuesOutsideTheScaleAndNoMixtureIsACovariate() {
        // A flag and a setting at two values; not a step from 0 (three values here, a learning
        // curve's axis), a hyper-parameter, a constant column or a mixture's shares.
        Dataset d = SoundnessTest.table(List.of("params", "tied", "step", "seq", "lr", "vocab"), new double[][] {
                {1e7, 0, 0, 1024, 1e-4, 5e4}, {1e7, 1, 100, 2048, 1e-3, 5e4}, {1e8, 0, 1000, 1024, 1e-2, 5e4}, {1e8, 1, 0, 2048, 1e-3, 5e4}},
                r -> 2 + 300 * Math.pow(r[0], -0.3) + 0.03 * r[1]);
        assertThat(Roles.covariates(d, SCALE)).containsExactly("tied", "seq");
        double[][] rows = new double[6][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {1e7 * (i + 1), i % 2 == 0 ? 0.3 : 0.6, i % 2 == 0 ? 0.7 : 0.4};
        }
        Dataset mixture = SoundnessTest.table(List.of("params", "web", "code"), rows, r -> 2 + r[1] * r[2]);
        assertThat(Roles.covariates(mixture, SCALE)).isEmpty();
    }
}
