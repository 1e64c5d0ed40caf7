package lawsearch.evaluator.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {
    @TempDir Path dir;

    Path csv(String text) throws IOException {
        Path p = dir.resolve("runs.csv");
        Files.writeString(p, text);
        return p;
    }

    /** Loading {@code text} fails with exactly "runs.csv-path" + {@code where}. */
    AbstractThrowableAssert<?, ?> fails(String text, LoadOptions options, String where) throws IOException {
        Path p = csv(text);
        return assertThatThrownBy(() -> CsvLoader.load(p, options)).isInstanceOf(DataException.class).hasMessage(p + where);
    }

    @Test
    void groupsSplitsAndDefaultFeatures() throws IOException {
        Path p = csv("group,split,N,name,loss\na,train,1,x,3\nb,train,2,y,2\na,test,4,z,1\n");
        Dataset d = CsvLoader.load(p, LoadOptions.of("loss").withAliases(Map.of("n", "N")));
        assertThat(d.source()).isEqualTo(p.toString());
        assertThat(d.features()).containsExactly("N");          // the column of names is left out
        assertThat(d.targets()).containsExactly("loss");
        assertThat(d.groups()).extracting(Group::name).containsExactly("a", "b");
        assertThat(d.groups().get(0).train().column("loss")).containsExactly(3.0);
        assertThat(d.groups().get(0).test().column("loss")).containsExactly(1.0);
        assertThat(d.groups().get(0).train().columns()).containsOnlyKeys("N", "loss");
        assertThat(d.resolve("n")).isEqualTo("N");
        assertThat(d.withoutTest().testRows()).isZero();
        assertThat(d.withoutTest().hasTest()).isFalse();
        assertThat(d.withoutTest().trainRows()).isEqualTo(d.trainRows());
    }

    @Test
    void groupsInOrderOfFirstAppearanceRowsInFileOrder() throws IOException {
        Path p = csv("group,x,loss\nz,1,10\na,2,20\nz,3,30\na,4,40\nz,5,50\n");
        Dataset d = CsvLoader.load(p, LoadOptions.of("loss"));
        assertThat(d.groups()).extracting(Group::name).containsExactly("z", "a");
        assertThat(d.groups().get(0).train().column("x")).containsExactly(1.0, 3.0, 5.0);
        assertThat(d.groups().get(1).train().column("loss")).containsExactly(20.0, 40.0);
        assertThat(d.hasTest()).isFalse();                      // no split, no rule: no test rows
    }

    @Test
    void withoutAGroupColumnEverythingIsGroupAll() throws IOException {
        Dataset d = CsvLoader.load(csv("split,x,loss\ntrain,1,2\ntest,3,4\n"), LoadOptions.of("loss"));
        assertThat(d.groups()).extracting(Group::name).containsExactly(CsvLoader.ALL);
        assertThat(d.trainRows()).isEqualTo(1);
        assertThat(d.testRows()).isEqualTo(1);
    }

    @Test
    void explicitFeaturesAndSeveralTargets() throws IOException {
        Path p = csv("a,b,c,y1,y2\n1,2,3,4,5\n");
        Dataset d = CsvLoader.load(p, new LoadOptions(List.of("y2", "y1"), List.of("c", "a"), null, Map.of()));
        assertThat(d.features()).containsExactly("c", "a");
        assertThat(d.targets()).containsExactly("y2", "y1");
        assertThat(d.groups().get(0).train().columns()).containsOnlyKeys("c", "a", "y2", "y1");
    }

    @Test
    void aliasesKeepOnlyThoseNamingAFeature() throws IOException {
        Path p = csv("params,tokens,loss\n1,2,3\n");
        Dataset d = CsvLoader.load(p, LoadOptions.of("loss").withAliases(Map.of("N", "params", "L", "loss", "X", "nope")));
        assertThat(d.aliases()).containsExactly(Map.entry("N", "params"));
        assertThat(d.resolve("N")).isEqualTo("params");
        assertThat(d.resolve("tokens")).isEqualTo("tokens");
        assertThat(d.resolve("L")).isNull();
        assertThat(d.variableNames()).containsExactly("params", "tokens", "N");
    }

    @Test
    void cellsMayBeQuotedAndPadded() throws IOException {
        Path p = csv("\uFEFFgroup, x ,loss\n\"a,b\", 1e3 ,\"2.5\"\n");
        Dataset d = CsvLoader.load(p, LoadOptions.of("loss"));
        assertThat(d.groups().get(0).name()).isEqualTo("a,b");
        assertThat(d.features()).containsExactly("x");
        assertThat(d.groups().get(0).train().column("x")).containsExactly(1000.0);
    }

    @Test
    void holdoutRuleMarksTestRowsWhenThereIsNoSplit() throws IOException {
        Path p = csv("num_params,loss\n1e8,3\n1e9,2.5\n4e9,2\n8e9,1.9\n");
        Dataset d = CsvLoader.load(p, LoadOptions.of("loss").withHoldout("num_params >= 4e9"));
        assertThat(d.trainRows()).isEqualTo(2);
        assertThat(d.testRows()).isEqualTo(2);
        assertThat(d.groups().get(0).name()).isEqualTo("all");
        assertThat(d.groups().get(0).test().column("num_params")).containsExactly(4e9, 8e9);
    }

    @Test
    void holdoutMayReadAliasesAndColumnsThatAreNotFeatures() throws IOException {
        Path p = csv("group,params,tokens,note,loss\ng,1,10,a,3\ng,2,20,b,2\ng,3,30,c,1\n");
        Dataset byAlias = CsvLoader.load(p, LoadOptions.of("loss").withAliases(Map.of("D", "tokens")).withHoldout("D > 15 and D < 25"));
        assertThat(byAlias.groups().get(0).test().column("params")).containsExactly(2.0);
        Dataset byOther = CsvLoader.load(p, LoadOptions.of("loss").withFeatures(List.of("params")).withHoldout("tokens >= 30"));
        assertThat(byOther.features()).containsExactly("params");
        assertThat(byOther.groups().get(0).test().column("params")).containsExactly(3.0);
        assertThat(byOther.groups().get(0).test().columns()).containsOnlyKeys("params", "loss");
    }

    @Test
    void holdoutNamingAnUnknownColumnSaysWhere() throws IOException {
        Path p = csv("num_params,loss\n1e8,3\n");
        assertThatThrownBy(() -> CsvLoader.load(p, LoadOptions.of("loss").withHoldout("nparams >= 4e9")))
                .isInstanceOf(DataException.class)
                .hasMessage("--holdout, column 1: 'nparams' is not a column (columns: num_params, loss)");
    }

    /** A holdout that matches no row is a typo to say, not a run with nothing to score. */
    @Test
    void holdoutMatchingNoRowIsRefused() throws IOException {
        fails("num_params,loss\n1e8,3\n1e9,2\n", LoadOptions.of("loss").withHoldout("num_params >= 1e20"),
                ": --holdout 'num_params >= 1e20' holds out no row");
    }

    @Test
    void holdoutUndefinedOnARowNamesTheLine() throws IOException {
        fails("x,loss\n1,2\n-1,3\n", LoadOptions.of("loss").withHoldout("log(x) >= 1"),
                ":3: --holdout: 'log(x) >= 1' is undefined (NaN) on this row");
    }

    @Test
    void holdoutReadingATextColumnNamesTheCell() throws IOException {
        fails("x,note,loss\n1,a,2\n", LoadOptions.of("loss").withHoldout("note > 1"), ":2: column 'note': not a number: 'a'");
    }

    @Test
    void holdoutThatLeavesAGroupWithoutTrainRows() throws IOException {
        fails("group,x,loss\na,1,2\nb,9,2\n", LoadOptions.of("loss").withHoldout("x > 5"),
                ": group 'b' has no train rows (--holdout marks all of them test)");
    }

    @Test
    void splitColumnAndHoldoutTogetherIsAnError() throws IOException {
        fails("split,x,loss\ntrain,1,2\n", LoadOptions.of("loss").withHoldout("x > 1"), ": has a split column, so --holdout does not apply");
    }

    @Test
    void nonNumericCellNamesFileLineAndColumn() throws IOException {
        fails("group,split,x,loss\na,train,1,2\na,train,abc,3\n", LoadOptions.of("loss"), ":3: column 'x': not a number: 'abc'");
        fails("x,loss\n1,2\n2,abc\n", LoadOptions.of("loss"), ":3: column 'loss': not a number: 'abc'");
        fails("x,loss\n1,2\n0x1p3,3\n", LoadOptions.of("loss"), ":3: column 'x': not a number: '0x1p3'");
        fails("x,loss\n1,2\n2,3d\n", LoadOptions.of("loss"), ":3: column 'loss': not a number: '3d'");
        fails("x,loss\n1,2\n2,\n", LoadOptions.of("loss"), ":3: column 'loss': empty cell");
    }

    /** Sizes as papers write them (Pythia's 70M … 12B) are numbers, so the column is a feature, not a name. */
    @Test
    void sizesWithAMagnitudeLetterAreNumbers() throws IOException {
        Path p = csv("params,vocab,tokens,loss\n70M,32k,300B,3.1\n1.3B,50K,2T,2.6\n-.5M,1k,1B,2\n");
        Dataset d = CsvLoader.load(p, LoadOptions.of("loss"));
        assertThat(d.features()).containsExactly("params", "vocab", "tokens");
        Frame f = d.groups().get(0).train();
        assertThat(f.column("params")).containsExactly(7e7, 1.3e9, -5e5);   // the doubles nearest 1.3e9, not 1.3 * 1e9
        assertThat(f.column("vocab")).containsExactly(32000, 50000, 1000);
        assertThat(f.column("tokens")).containsExactly(3e11, 2e12, 1e9);
        fails("x,loss\n1,2\n5m,3\n", LoadOptions.of("loss"), ":3: column 'x': not a number: '5m'"
                + " (a size? write its magnitude k, M, B or T: 1e3, 1e6, 1e9, 1e12)");
        fails("x,loss\n1,2\n1e3M,3\n", LoadOptions.of("loss"), ":3: column 'x': not a number: '1e3M'");
        fails("x,loss\n1,2\n3 B,3\n", LoadOptions.of("loss"), ":3: column 'x': not a number: '3 B'");
    }

    @Test
    void nanAndInfinityAreRejected() throws IOException {
        fails("x,loss\n1,NaN\n", LoadOptions.of("loss"), ":2: column 'loss': NaN");
        fails("x,loss\n1,nan\n", LoadOptions.of("loss"), ":2: column 'loss': NaN");
        fails("x,lr\n1,2\nInfinity,3\n", LoadOptions.of("lr"), ":3: column 'x': infinite");
        fails("x,lr\n1,2\n2,-inf\n", LoadOptions.of("lr"), ":3: column 'lr': infinite");
        fails("x,lr\n1,2\n2,1e400\n", LoadOptions.of("lr"), ":3: column 'lr': infinite (1e400 overflows a double)");
    }

    @Test
    void aTargetWhoseSpreadCannotBeSquaredIsRefused() throws IOException {
        // 1e-300 losses: every error and the variance square to 0, which scored a constant law at R² 1
        fails("N,loss\n1,7e-300\n2,5e-300\n3,4e-300\n", LoadOptions.of("loss"),
                ": target 'loss': its train values differ from their mean by at most 1.67e-300, too little to square"
                        + " in double precision (the variance every score divides by would be 0); rescale the column,"
                        + " e.g. multiply it by a power of 10");
        fails("split,N,loss\ntrain,1,1\ntrain,2,2\ntest,3,1e200\ntest,4,-1e200\n", LoadOptions.of("loss"),
                ": target 'loss': its test values differ from their mean by up to 1.00e+200, too much to square"
                        + " in double precision (the variance every score divides by would be infinite); rescale the"
                        + " column, e.g. divide it by a power of 10");
        // a constant target, or tiny values whose spread still squares, load as before
        Path p = csv("N,loss\n1,2\n2,2\n3,2\n");
        assertThat(CsvLoader.load(p, LoadOptions.of("loss")).targets()).containsExactly("loss");
        Path q = csv("N,loss\n1,3e-150\n2,2e-150\n3,1e-150\n");
        assertThat(CsvLoader.load(q, LoadOptions.of("loss")).targets()).containsExactly("loss");
    }

    @Test
    void lineNumbersCountBlankLinesAndQuotedLineBreaks() throws IOException {
        fails("group,x,loss\n\n\"multi\nline\",1,2\n\na,2,bad\n", LoadOptions.of("loss"), ":6: column 'loss': not a number: 'bad'");
        fails("group,x,loss\r\na,1,2\r\na,2,bad\r\n", LoadOptions.of("loss"), ":3: column 'loss': not a number: 'bad'");
    }

    @Test
    void missingColumnsListTheColumns() throws IOException {
        fails("group,split,x,loss\na,train,1,2\n", LoadOptions.of("lm_loss"), ": no target column 'lm_loss' (columns: group, split, x, loss)");
        fails("x,loss\n1,2\n", LoadOptions.of("loss").withFeatures(List.of("y")), ": no feature column 'y' (columns: x, loss)");
    }

    @Test
    void columnRolesMustBeConsistent() throws IOException {
        fails("x,loss\n1,2\n", LoadOptions.of("loss").withFeatures(List.of("loss")), ": column 'loss' is both a feature and a target");
        fails("split,x,loss\ntrain,1,2\n", LoadOptions.of("split"), ": column 'split' cannot be a target");
        fails("group,x,loss\na,1,2\n", LoadOptions.of("loss").withFeatures(List.of("group")), ": column 'group' cannot be a feature");
        fails("x,loss\n1,2\n", LoadOptions.of("loss", "loss"), ": target 'loss' is given twice");
        fails("group,name,loss\na,b,2\n", LoadOptions.of("loss"), ": no numeric feature columns besides the target(s) (columns: group, name, loss)");
    }

    @Test
    void missingFileEmptyFileHeaderOnlyAndRaggedRows() throws IOException {
        Path nope = dir.resolve("nope.csv");
        assertThatThrownBy(() -> CsvLoader.load(nope, LoadOptions.of("loss"))).isInstanceOf(DataException.class).hasMessage(nope + ": no such file");
        fails("", LoadOptions.of("loss"), ": empty file");
        fails("\n\n", LoadOptions.of("loss"), ": empty file");
        fails("x,loss\n", LoadOptions.of("loss"), ": no data rows, only a header");
        fails("x,loss\n1,2,3\n", LoadOptions.of("loss"), ":2: has 3 cells, the header has 2");
        fails("x,loss\n1,2\n1\n", LoadOptions.of("loss"), ":3: has 1 cells, the header has 2");
    }

    /** A quote left open runs to the end of the file; the error names the line and column where it opened. */
    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() throws IOException {
        String head = "group,split,x,loss\na,train,1,3\n\"a\nb\",train,2,2.5\na,train,4,2.25\n";   // a closed quote spanning lines 3-4
        fails(head + "a,\"train,8,2.1\na,train,16,2.0\nb,train,1,3\n", LoadOptions.of("loss"),
                ":6: malformed CSV: the quoted value at column 3 has no closing quote");
        fails(head + "\"a,train,8,2.1\na,train,16,2.0\n", LoadOptions.of("loss"),
                ":6: malformed CSV: the quoted value at column 1 has no closing quote");
    }

    /**
     * A feature a law cannot name ("model params", "tokens (β)", "num-params") is refused before a
     * run makes laws no other command can parse back; a Split or GROUP header is refused rather than
     * read as an ignored text column, which fitted the file's test rows as train.
     */
    @Test
    void aFeatureALawCannotNameAndARoleColumnNotInLowerCaseAreRefused() throws IOException {
        fails("model params,loss\n1,2\n2,1\n", LoadOptions.of("loss"),
                ": feature column 'model params' cannot be named in a law (letters, digits and _, not starting with a digit):"
                        + " rename it, or leave it out with --features");
        fails("num-params,loss\n1,2\n2,1\n", LoadOptions.of("loss").withFeatures(List.of("num-params")),
                ": feature column 'num-params' cannot be named in a law (letters, digits and _, not starting with a digit): rename it");
        fails("Split,x,loss\ntrain,1,2\ntest,2,1\n", LoadOptions.of("loss"),
                ": column 'Split': the split column must be named 'split' (lower case), or it is not read as one");
        fails("GROUP,x,loss\na,1,2\nb,2,1\n", LoadOptions.of("loss"),
                ": column 'GROUP': the group column must be named 'group' (lower case), or it is not read as one");
    }

    @Test
    void headerProblems() throws IOException {
        fails("x,loss,x\n1,2,3\n", LoadOptions.of("loss"), ":1: column 'x' appears twice");
        fails("x,,loss\n1,2,3\n", LoadOptions.of("loss"), ":1: column 2 has no name");
        fails(",x,loss\n0,1,3\n1,2,2\n", LoadOptions.of("loss"),
                ":1: column 1 has no name (a pandas index? write the file with to_csv(..., index=False), or name the column)");
        fails("x;loss\n1;2\n", LoadOptions.of("loss"),
                ":1: the header is one column, 'x;loss': values must be separated by commas, and this line is separated by ';'");
        fails("x\tloss\n1\t2\n", LoadOptions.of("loss"),
                ":1: the header is one column, 'x\\tloss': values must be separated by commas, and this line is separated by '\\t'");
    }

    @Test
    void relativePathsAreReportedAsGiven() {
        Path rel = Path.of("no-such-dir", "runs.csv");
        assertThatThrownBy(() -> CsvLoader.load(rel, LoadOptions.of("loss"))).hasMessage("no-such-dir/runs.csv: no such file");
    }

    @Test
    void badSplitValueEmptyGroupAndGroupWithoutTrainRows() throws IOException {
        fails("split,x,loss\ndev,1,2\n", LoadOptions.of("loss"), ":2: split must be 'train' or 'test' (any case), got 'dev'");
        fails("group,x,loss\na,1,2\n,1,2\n", LoadOptions.of("loss"), ":3: column 'group' is empty");
        fails("group,split,x,loss\na,train,1,2\nb,test,1,2\n", LoadOptions.of("loss"), ": group 'b' has no train rows");
    }

    /** TRAIN, Test, " train " are train and test; anything else is refused, never taken for train. */
    @Test
    void splitValuesAreReadInAnyCaseAndNothingElseIsTrain() throws IOException {
        Dataset d = CsvLoader.load(csv("split,x,loss\nTRAIN,1,2\n Train ,2,3\ntrain,3,4\nTEST,4,5\n Test,5,6\n"), LoadOptions.of("loss"));
        assertThat(d.groups().get(0).train().column("x")).containsExactly(1, 2, 3);
        assertThat(d.groups().get(0).test().column("x")).containsExactly(4, 5);
        for (String bad : List.of("training", "tst", "", "valid", "TRAİN", "teſt", "train test")) {
            fails("split,x,loss\ntrain,1,2\n" + bad + ",2,3\n", LoadOptions.of("loss"),
                    ":3: split must be 'train' or 'test' (any case), got '" + bad + "'");
        }
    }

    @Test
    void loadOptionsNeedATarget() {
        assertThatThrownBy(() -> new LoadOptions(List.of(), null, null, null)).isInstanceOf(IllegalArgumentException.class);
        LoadOptions o = new LoadOptions(List.of("y"), null, " ", null);
        assertThat(o.features()).isEmpty();
        assertThat(o.holdout()).isNull();
        assertThat(o.aliases()).isEmpty();
    }
}
