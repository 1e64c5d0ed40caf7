package lawsearch.evaluator.data;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;

/**
 * The demo task's data, generated so that {@code lawsearch discover --task demo} needs no files: the
 * Chinchilla-style law {@link #LAW} with known {@link #CONSTANTS} per group, on a grid of model sizes
 * ({@link #PARAMS}: 13 points, 1e7..3e9) and token counts ({@link #TOKENS}: 10 points, 1e9..1e11),
 * with {@link #NOISE} multiplicative Gaussian noise from a seeded {@link SplittableRandom} (the same
 * seed gives the same bits on every JVM). Test rows are the largest models ({@code params >= 1e9}):
 * the extrapolation a user cares about. Per group 100 train and 30 test rows. (On a coarser 9 × 7
 * grid the validation folds held 28 rows, and laws that fitted their noise outscored the generating
 * form; at 10 × 10 train points per group the search returns the generating form.)
 *
 * <p>The README's example output is this data at seed 0: changing the grid, constants, noise or the
 * order of random draws changes the numbers printed there.
 */
public final class DemoData {
    /** The generating form, in the law language, over the columns. */
    public static final String LAW = "E + A*params^(-alpha) + B*tokens^(-beta)";
    public static final List<String> FEATURES = List.of("params", "tokens");
    public static final String TARGET = "loss";
    /** Chinchilla's names for the columns. */
    public static final Map<String, String> ALIASES = aliases();
    /** Rows with at least this many parameters are the test split. */
    public static final double TEST_PARAMS = 1e9;
    /** Standard deviation of the multiplicative noise: loss × (1 + NOISE·z), z standard normal. */
    public static final double NOISE = 0.002;
    public static final List<Double> PARAMS = logGrid(1e7, 300, 13);
    public static final List<Double> TOKENS = logGrid(1e9, 100, 10);

    /** The constants of {@link #LAW} for one group. */
    public record Constants(double e, double a, double alpha, double b, double beta) {
        /** The noise-free loss. */
        public double loss(double params, double tokens) {
            return e + a * Math.pow(params, -alpha) + b * Math.pow(tokens, -beta);
        }
    }

    /**
     * Group → constants, in generation order: Hoffmann et al.'s fit ("web"), and a variant with a
     * lower floor and steeper parameter exponent ("code"), so a shared form with per-group constants
     * is what fits.
     */
    public static final Map<String, Constants> CONSTANTS = constants();

    private DemoData() { }

    /** The demo dataset for {@code seed}; deterministic. */
    public static Dataset generate(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Group> groups = new ArrayList<>();
        for (var g : CONSTANTS.entrySet()) {
            List<double[]> train = new ArrayList<>();
            List<double[]> test = new ArrayList<>();
            // One draw per row, params-major: the order fixes which noise each row gets.
            for (double n : PARAMS) {
                for (double d : TOKENS) {
                    double loss = g.getValue().loss(n, d) * (1 + NOISE * rng.nextGaussian());
                    (n >= TEST_PARAMS ? test : train).add(new double[] {n, d, loss});
                }
            }
            groups.add(new Group(g.getKey(), frame(train), frame(test)));
        }
        return new Dataset("demo (generated: " + LAW + ")", FEATURES, List.of(TARGET), groups, ALIASES);
    }

    /** Writes {@code data} as a CSV in the ../shared/data convention; readers never see a half-written file. */
    public static void writeCsv(Dataset data, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                write(data, w);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DataException(file + ": cannot write: " + e, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** The CSV text {@link #writeCsv} writes: {@code group,split,<features…>,<targets…>}, train rows first per group. */
    public static String toCsv(Dataset data) {
        StringWriter w = new StringWriter();
        try {
            write(data, w);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return w.toString();
    }

    /**
     * Jackson quotes names that need it (a group called {@code a,b}); numbers go out as
     * {@link Double#toString}, the shortest text that reads back as the same double.
     */
    private static void write(Dataset data, Writer out) throws IOException {
        List<String> columns = new ArrayList<>(data.features());
        columns.addAll(data.targets());
        try (SequenceWriter w = new CsvMapper().writer().writeValues(out)) {
            List<String> header = new ArrayList<>(List.of(CsvLoader.GROUP, CsvLoader.SPLIT));
            header.addAll(columns);
            w.write(header.toArray(String[]::new));
            for (Group g : data.groups()) {
                writeRows(w, g.name(), "train", g.train(), columns);
                writeRows(w, g.name(), "test", g.test(), columns);
            }
        }
    }

    private static void writeRows(SequenceWriter w, String group, String split, Frame f, List<String> columns) throws IOException {
        for (int i = 0; i < f.size(); i++) {
            String[] row = new String[columns.size() + 2];
            row[0] = group;
            row[1] = split;
            for (int k = 0; k < columns.size(); k++) {
                row[k + 2] = Double.toString(f.column(columns.get(k))[i]);
            }
            w.write(row);
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException ignored) {
            // Best effort: the temp file is hidden and named after the target, so it is recognisable.
        }
    }

    private static Frame frame(List<double[]> rows) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(FEATURES);
        names.add(TARGET);
        for (int k = 0; k < names.size(); k++) {
            final int kk = k;
            cols.put(names.get(k), rows.stream().mapToDouble(r -> r[kk]).toArray());
        }
        return new Frame(rows.size(), cols);
    }

    /** {@code n} points from {@code start} to {@code start·span}, evenly spaced in log. */
    private static List<Double> logGrid(double start, double span, int n) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(start * Math.pow(span, i / (double) (n - 1)));
        }
        return List.copyOf(out);
    }

    private static Map<String, Constants> constants() {
        Map<String, Constants> m = new LinkedHashMap<>();
        m.put("web", new Constants(1.69, 406.4, 0.34, 410.7, 0.28));
        m.put("code", new Constants(1.20, 520.0, 0.36, 350.0, 0.27));
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, String> aliases() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("N", "params");
        m.put("D", "tokens");
        return Collections.unmodifiableMap(m);
    }
}
