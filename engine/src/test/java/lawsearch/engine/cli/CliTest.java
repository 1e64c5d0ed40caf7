package lawsearch.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The CLI's contract: exit codes, one-line errors that say where, the JSON keys. */
class CliTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) { }

    /** {@code base} followed by {@code more}: a test's fixed arguments and a case's own. */
    static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    Path csv(String text) throws IOException {
        Path p = dir.resolve("runs.csv");
        Files.writeString(p, text);
        return p;
    }

    /** picocli 4.7.6 listed the options of an argument group from a mixin twice (remkop/picocli#2309). */
    @Test
    void helpListsEachLawOptionOnce() {
        for (String command : new String[] {"eval", "bench"}) {
            Run r = run(command, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out().lines().filter(l -> l.strip().matches("--law-file=\\S+\\s{2,}\\S.*")).count()).as(command).isEqualTo(1);
            assertThat(r.out().lines().filter(l -> l.strip().matches("--law=\\S+\\s{2,}\\S.*")).count()).as(command).isEqualTo(1);
        }
    }

    static void assertOneLineError(Run r, String fragment) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(fragment).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aLawFileWithAByteOrderMarkReads() throws IOException {
        Path p = csv("group,split,x,loss\na,train,1,2\na,train,2,1.5\na,train,4,1.3\na,test,8,1.2\n");
        Path law = Files.writeString(dir.resolve("bom.law"), "\uFEFF# EVOLVE-BLOCK-START\nlaw: a*x^b\n# EVOLVE-BLOCK-END\n");
        Run r = run("eval", "--data", p.toString(), "--target", "loss", "--law-file", law.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("a*x^b");
    }

    @Test
    void nonNumericCell() throws IOException {
        Path p = csv("group,split,x,loss\na,train,1,2\na,train,abc,3\n");
        assertOneLineError(run("eval", "--data", p.toString(), "--target", "loss", "--law", "a*x"), p + ":3: column 'x': not a number: 'abc'");
    }

    @Test
    void unbalancedParenthesis() throws IOException {
        Path p = csv("x,loss\n1,2\n2,3\n");
        assertOneLineError(run("eval", "--data", p.toString(), "--target", "loss", "--law", "(a*x + b"), "law, column 9: expected ')' to close '(' at column 1");
    }

    @Test
    void missingTargetColumn() throws IOException {
        Path p = csv("x,loss\n1,2\n");
        assertOneLineError(run("eval", "--data", p.toString(), "--target", "lm_loss", "--law", "a*x"), "no target column 'lm_loss'");
    }

    @Test
    void missingFile() {
        assertOneLineError(run("eval", "--data", dir.resolve("nope.csv").toString(), "--target", "loss", "--law", "a*x"), "nope.csv: no such file");
    }

    @Test
    void misspeltColumnIsNotSilentlyAConstant() throws IOException {
        Path p = csv("num_params,loss\n1,2\n2,3\n");
        assertOneLineError(run("eval", "--data", p.toString(), "--target", "loss", "--law", "a*num_param^b"), "'num_param' is not a column of the data (did you mean 'num_params'?)");
    }

    /** A name far from every column is a constant by the law language; a law of nothing but constants is refused. */
    @Test
    void aLawReadingNoColumnIsRefused() throws IOException {
        Path p = csv("params,tokens,loss\n1,3,2\n2,5,3\n4,9,2.5\n");
        assertOneLineError(run("eval", "--data", p.toString(), "--target", "loss", "--law", "E + A*model_size^(-a)"),
                "--law: the law reads no column of the data, so it predicts one constant per group: 'E', 'A', 'model_size', 'a'"
                        + " would all be fitted constants (columns: params, tokens)");
    }

    @Test
    void aColumnTheLawCannotReadIsNotSilentlyAConstant() throws IOException {
        Path p = csv("model,params,unique_tokens,loss\nm,1,3,2\nm,2,5,3\nm,4,9,2.5\n");
        String notFeature = "'unique_tokens' is a column of the data that is not a feature";
        assertOneLineError(run("eval", "--data", p.toString(), "--target", "loss", "--features", "params", "--law", "E + A*params^(-a) + B*unique_tokens^(-b)"), "--law: " + notFeature);
        assertOneLineError(run("bench", "--data", p.toString(), "--target", "loss", "--features", "params", "--law", "B*unique_tokens + A*params"), notFeature);
        assertOneLineError(run("eval", "--data", p.toString(), "--target", "loss", "--law", "A*loss + B"), "--law: 'loss' is a target column, which a law cannot read");
        assertOneLineError(run("eval", "--data", p.toString(), "--target", "loss", "--law", "A*params + model"), "'model' is a column of the data that is not a feature");
        Path law = dir.resolve("u.law");
        Files.writeString(law, "# EVOLVE-BLOCK-START\nlaw: E + B*unique_tokens*params\n# EVOLVE-BLOCK-END\n");
        assertOneLineError(run("eval", "--data", p.toString(), "--target", "loss", "--features", "params", "--law-file", law.toString()), law + ": " + notFeature);
    }

    @Test
    void boundOnAnUnknownParameterAndEmptyBound() throws IOException {
        Path p = csv("x,loss\n1,2\n2,3\n");
        assertOneLineError(run("eval", "--data", p.toString(), "--target", "loss", "--law", "a*x", "--bounds", "b >= 0"), "'b' is not a parameter");
        assertOneLineError(run("eval", "--data", p.toString(), "--target", "loss", "--law", "a*x", "--bounds", "a in [2, 1]"), "empty interval for a");
    }

    @Test
    void badOptionsExitTwo() {
        Run r = run("eval", "--bogus");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("lawsearch:");
    }

    @Test
    void evalJsonHasTheDocumentedKeys() throws IOException {
        Path p = csv("group,split,N,loss\ng,train,1,3\ng,train,2,2.5\ng,train,4,2.25\ng,train,8,2.125\ng,test,16,2.0625\ng,test,32,2.03125\n");
        Run r = run("eval", "--data", p.toString(), "--target", "loss", "--law", "E + A*N^(-alpha)", "--json");
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.fieldNames()).toIterable().containsExactly("r2", "nmse", "nmae", "train_mse", "params", "n_params", "seconds");
        assertThat(j.get("r2").asDouble()).isGreaterThan(0.999999);
        assertThat(j.get("params").get("g").get("alpha").asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(j.get("n_params").asInt()).isEqualTo(3);
    }

    @Test
    void evalReadsLawFiles() throws IOException {
        Path p = csv("x,loss\n1,3\n2,5\n3,7\n");
        Path law = dir.resolve("line.law");
        Files.writeString(law, "# a line\n# EVOLVE-BLOCK-START\nlaw: a*x + b\nbounds: a >= 0\n# EVOLVE-BLOCK-END\n");
        Run r = run("eval", "--data", p.toString(), "--target", "loss", "--law-file", law.toString(), "--json");
        assertThat(r.code()).isZero();
        Files.writeString(law, "# EVOLVE-BLOCK-START\nlaw: a*x + b\nloss: l2\n# EVOLVE-BLOCK-END\n");
        assertOneLineError(run("eval", "--data", p.toString(), "--target", "loss", "--law-file", law.toString()), law + ":3:7: unknown loss 'l2'");
    }
}
