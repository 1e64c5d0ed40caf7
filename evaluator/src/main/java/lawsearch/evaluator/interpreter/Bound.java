package lawsearch.evaluator.interpreter;

/**
 * A {@link Program} bound to one frame of data: every static node (one that depends on no
 * parameter) evaluated once, here, rather than on every step of a fit. Read-only after
 * construction, so one Bound serves every thread; each thread evaluates through its own
 * {@link Workspace}.
 */
public final class Bound {
    final Program program;
    final int rows;
    /** Values of static nodes; null for dynamic ones. */
    final double[][] statics;
    /** log(base) for powers turned into POW_STATIC_BASE; null elsewhere. */
    final double[][] aux;
    final Opcode[] op;
    static final int MAX_CODES = 64;
    /** For POW_CODED: per row, the index of its base among the distinct bases. */
    final int[][] codes;
    /** For POW_CODED: log of each distinct base. */
    final double[][] distinctLogs;

    Bound(Program p, double[][] columnData, int rows) {
        this.program = p;
        this.rows = rows;
        int n = p.op.length;
        this.statics = new double[n][];
        this.aux = new double[n][];
        this.codes = new int[n][];
        this.distinctLogs = new double[n][];
        this.op = p.op.clone();
        for (int i = 0; i < n; i++) {
            if (!p.dynamic[i]) {
                statics[i] = staticValue(p, i, columnData);
            } else if (op[i] == Opcode.POW && !p.dynamic[p.a[i]] && allPositive(statics[p.a[i]])) {
                op[i] = Opcode.POW_STATIC_BASE;
                double[] base = statics[p.a[i]];
                double[] logs = new double[rows];
                for (int r = 0; r < rows; r++) {
                    logs[r] = Math.log(base[r]);
                }
                aux[i] = logs;
                if (p.uniform[p.b[i]]) {
                    code(i, base);
                }
            }
        }
    }

    /**
     * Turns node i into POW_CODED when its base takes at most {@link #MAX_CODES} distinct values (a
     * sweep over a grid of sizes). A linear scan of a tiny table beats hashing boxed doubles here.
     */
    private void code(int i, double[] base) {
        double[] distinct = new double[MAX_CODES];
        int count = 0;
        int[] c = new int[rows];
        for (int r = 0; r < rows; r++) {
            double v = base[r];
            // Rows come in runs of one base (a point's grid of settings in the shape checks): the
            // previous row's code first, then the scan. The same codes either way.
            if (r > 0 && distinct[c[r - 1]] == v) {
                c[r] = c[r - 1];
                continue;
            }
            int k = 0;
            while (k < count && distinct[k] != v) {
                k++;
            }
            if (k == count) {
                if (count == MAX_CODES || count >= rows / 4) {
                    return;
                }
                distinct[count++] = v;
            }
            c[r] = k;
        }
        double[] logs = new double[count];
        for (int k = 0; k < count; k++) {
            logs[k] = Math.log(distinct[k]);
        }
        op[i] = Opcode.POW_CODED;
        codes[i] = c;
        distinctLogs[i] = logs;
    }

    public Program program() { return program; }

    public int rows() { return rows; }

    /** Workspaces returned by finished users, for the next start to reuse (at most one per thread in flight). */
    private final java.util.concurrent.ConcurrentLinkedQueue<Workspace> free = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * A workspace for one user at a time: a reused one when a finished start gave one back with
     * {@link #release}, else a new one. Buffers are thus shared by the starts of a fit, and all of
     * them are garbage with the Bound (no thread-local retention across fits).
     */
    public Workspace workspace() {
        Workspace w = free.poll();
        return w != null ? w : new Workspace(this);
    }

    /** Gives a workspace back for reuse; the caller must not use it afterwards. */
    public void release(Workspace w) { free.offer(w); }

    private double[] staticValue(Program p, int i, double[][] columnData) {
        return switch (p.op[i]) {
            case CONST -> filled(p.constant[i]);
            case VAR -> {
                double[] col = columnData[p.index[i]];
                if (col.length < rows) {
                    throw new IllegalArgumentException("column " + p.columns.get(p.index[i]) + " has fewer rows than " + rows);
                }
                yield col;
            }
            default -> {
                double[] out = new double[rows];
                double[] y = p.b[i] >= 0 ? statics[p.b[i]] : null;
                Kernels.forward(p.op[i], out, statics[p.a[i]], y, p.constant[i], null, rows);
                yield out;
            }
        };
    }

    private double[] filled(double v) {
        double[] out = new double[rows];
        java.util.Arrays.fill(out, v);
        return out;
    }

    private static boolean allPositive(double[] xs) {
        for (double x : xs) {
            if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
                return false;
            }
        }
        return true;
    }
}
