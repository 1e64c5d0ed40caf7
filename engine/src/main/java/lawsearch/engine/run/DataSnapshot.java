package lawsearch.engine.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import lawsearch.engine.io.AtomicFiles;
import lawsearch.evaluator.data.CsvLoader;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;
import lawsearch.evaluator.data.LoadOptions;
import lawsearch.grammar.core.UserError;

/**
 * The rows a run was given, kept in its directory as {@code data.csv} (group, split, features,
 * targets; each group's train rows, then its test rows, every number written so it reads back to
 * the same double), with its SHA-256 in config.json. A run directory is thereby self-contained:
 * moving it, or editing or deleting the CSV it came from, changes nothing that reads it.
 */
public final class DataSnapshot {
    public static final String FILE = "data.csv";

    private DataSnapshot() { }

    /** Writes {@code data} (test rows included) into {@code runDir}; returns the file's SHA-256 in hex. */
    public static String write(Path runDir, Dataset data) {
        byte[] bytes = csv(data).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(runDir.resolve(FILE), bytes);
        return sha256(bytes);
    }

    /** Whether {@code runDir} holds a snapshot (runs made before snapshots do not). */
    public static boolean exists(Path runDir) { return Files.isRegularFile(runDir.resolve(FILE)); }

    /**
     * The run's dataset as it was given, after checking the snapshot against the SHA-256 recorded in
     * config.json: a changed or damaged snapshot is a user error naming it.
     */
    public static Dataset load(Path runDir, RunConfig config) {
        Path f = runDir.resolve(FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            throw new UserError(f + ": not found (the run's data snapshot is missing)");
        } catch (IOException e) {
            throw new UserError(f + ": unreadable: " + e.getMessage());
        }
        if (config.dataSha256() != null && !config.dataSha256().equals(sha256(bytes))) {
            throw new UserError(f + ": checksum mismatch: SHA-256 " + sha256(bytes) + ", config.json records "
                    + config.dataSha256() + " (the snapshot was changed or damaged)");
        }
        Map<String, String> aliases = config.aliases() == null ? Map.of() : config.aliases();
        Dataset data = CsvLoader.load(f, new LoadOptions(config.targets(), config.features(), null, aliases));
        if (config.scale() != null) {
            for (String c : config.scale()) {
                if (!data.features().contains(c)) {   // the folds would fail mid-resume on a column they cannot find
                    throw new UserError(runDir.resolve(RunConfig.FILE) + ": \"scale\" names '" + c + "', which is no feature of the run's data"
                            + " (features: " + String.join(", ", data.features()) + ")");
                }
            }
        }
        return data;
    }

    static String csv(Dataset data) {
        CsvSchema.Builder schema = CsvSchema.builder().addColumn("group").addColumn("split");
        data.features().forEach(schema::addColumn);
        data.targets().forEach(schema::addColumn);
        List<Object[]> rows = new ArrayList<>();
        for (Group g : data.groups()) {
            addRows(rows, g.name(), "train", g.train(), data);
            addRows(rows, g.name(), "test", g.test(), data);
        }
        try {
            return new CsvMapper().writer(schema.build().withHeader()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the data snapshot: " + e.getMessage(), e);
        }
    }

    private static void addRows(List<Object[]> rows, String group, String split, Frame f, Dataset data) {
        for (int i = 0; i < f.size(); i++) {
            Object[] row = new Object[2 + data.features().size() + data.targets().size()];
            int k = 0;
            row[k++] = group;
            row[k++] = split;
            for (String c : data.features()) {
                row[k++] = f.column(c)[i];
            }
            for (String c : data.targets()) {
                row[k++] = f.column(c)[i];
            }
            rows.add(row);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
