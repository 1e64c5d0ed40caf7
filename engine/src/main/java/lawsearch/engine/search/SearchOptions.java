package lawsearch.engine.search;

import static lawsearch.engine.search.OptionCheck.check;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import lawsearch.grammar.operators.Mutation;
import lawsearch.grammar.operators.MutationWeights;

/**
 * Every setting of the search, in one immutable record (as SymbolicRegression.jl's {@code Options}):
 * what a run's {@code config.json} records under {@code "search"} and {@code discover --options}
 * overrides. What a run <em>is</em> (budget, seed, threads) is {@link SearchConfig}'s. The defaults
 * are the values the search was tuned with; build others with {@link #builder()} or
 * {@link #toBuilder()}. Out-of-range values are refused at construction, whether by the builder or
 * from JSON, with an {@link IllegalArgumentException} of one line naming the option's JSON key.
 *
 * @param islands              Jenetics engines evolved side by side (default 4)
 * @param populationSize       laws per island (default 48); seed laws and templates fill at most half
 * @param migrationInterval    generations between migrations (default 8)
 * @param migrants             each island's best laws copied over the next island's worst, around a
 *                             ring (default 2)
 * @param tournamentSize       laws per tournament, for offspring and survivors alike (default 3)
 * @param elites               best laws of an island that survive each generation unchanged (default 2;
 *                             0: survivors by tournament alone)
 * @param offspringFraction    share of each new generation bred from the last; the rest survive
 *                             (default 0.7)
 * @param maximalAge           generations a law may live before it is replaced (default 60)
 * @param mutationProbability  chance a new offspring is mutated (default 0.6)
 * @param crossoverProbability chance two offspring swap terms (default 0.25)
 * @param bigJumpProbability   chance a mutated law is mutated once more, a bigger jump (default 0.25)
 * @param mutationWeights      relative weight of each mutation operator, by name ({@link Mutation#key()});
 *                             defaults: regrow 0.22, swap 0.14, add_term 0.14, drop_term 0.12, wrap 0.10,
 *                             number_to_param 0.06, param_to_number 0.08, share_param 0.07, untie_param 0, fit_settings 0.07
 * @param parsimony            fitness charge per node, added to log(validation NMSE): an extra node must
 *                             cut validation NMSE by this share (default 0.03)
 * @param unsoundPenalty       fitness charge, in the units of log(validation NMSE), on a law that fails
 *                             the shape screen (default 2: it must validate e² ≈ 7× better to rank
 *                             alongside a sound law; see {@link Fitness})
 * @param stagnation           generations without a better fittest law after which one island restarts
 *                             from the front's fittest laws and new grammar laws, the islands in
 *                             turn ({@link Stagnation}; default 300; 0: never)
 * @param crowding             fitness charge on a law that predicts as a fitter member of its island does
 *                             (the same validation error), so that copies of one law count as one in
 *                             selection ({@link Crowding}; default 1; 0: off)
 * @param polish               how many of the fittest laws are re-scored at the end under every
 *                             fit-settings variant (loss × weighting; default 12)
 * @param searchRows           with more train rows than this, the search scores its laws on a fixed
 *                             sample of this many ({@link RowSample}) and the front and the
 *                             {@code polish} fittest are scored again on all of them before one is
 *                             reported (default 4000; 0: always all rows)
 * @param fit                  how hard each candidate is fitted ({@link FitEffort})
 * @param folds                how validation folds are cut from the train rows ({@link FoldRules})
 * @param templates            which documented templates are offered ({@link TemplateLimits})
 */
public record SearchOptions(@JsonProperty("islands") int islands,
                            @JsonProperty("population_size") int populationSize,
                            @JsonProperty("migration_interval") int migrationInterval,
                            @JsonProperty("migrants") int migrants,
                            @JsonProperty("tournament_size") int tournamentSize,
                            @JsonProperty("elites") int elites,
                            @JsonProperty("offspring_fraction") double offspringFraction,
                            @JsonProperty("maximal_age") int maximalAge,
                            @JsonProperty("mutation_probability") double mutationProbability,
                            @JsonProperty("crossover_probability") double crossoverProbability,
                            @JsonProperty("big_jump_probability") double bigJumpProbability,
                            @JsonProperty("mutation_weights") Map<String, Double> mutationWeights,
                            @JsonProperty("parsimony") double parsimony,
                            @JsonProperty("unsound_penalty") double unsoundPenalty,
                            @JsonProperty("stagnation") int stagnation,
                            @JsonProperty("crowding") double crowding,
                            @JsonProperty("polish") int polish,
                            @JsonProperty("search_rows") int searchRows,
                            @JsonProperty("fit") FitEffort fit,
                            @JsonProperty("folds") FoldRules folds,
                            @JsonProperty("templates") TemplateLimits templates) {

    public static final SearchOptions DEFAULTS = builder().build();

    /** The most laws the islands may hold together (the default holds 192). */
    static final long MAX_LAWS = 200_000;

    /** Fewer rows than this would leave the folds a handful of held-out rows each. */
    static final int MIN_SEARCH_ROWS = 100;

    public SearchOptions {
        check(islands >= 1, "islands", "an integer >= 1", islands);
        check(populationSize >= 2, "population_size", "an integer >= 2", populationSize);
        // every island's laws are held at once: a typo of a few extra digits would fill the heap before the first generation
        check((long) islands * populationSize <= MAX_LAWS, "population_size", "an integer with islands × population_size at most "
                + MAX_LAWS, populationSize);
        check(migrationInterval >= 1, "migration_interval", "an integer >= 1", migrationInterval);
        check(migrants >= 0 && migrants <= populationSize, "migrants", "an integer from 0 to population_size", migrants);
        check(tournamentSize >= 2 && tournamentSize <= populationSize, "tournament_size",
                "an integer from 2 to population_size", tournamentSize);
        check(elites >= 0 && elites < populationSize, "elites", "an integer from 0 to population_size - 1", elites);
        check(offspringFraction >= 0 && offspringFraction <= 1, "offspring_fraction", "a number in [0, 1]", offspringFraction);
        check(maximalAge >= 1, "maximal_age", "an integer >= 1", maximalAge);
        check(mutationProbability >= 0 && mutationProbability <= 1, "mutation_probability", "a number in [0, 1]", mutationProbability);
        check(crossoverProbability >= 0 && crossoverProbability <= 1, "crossover_probability", "a number in [0, 1]",
                crossoverProbability);
        check(bigJumpProbability >= 0 && bigJumpProbability <= 1, "big_jump_probability", "a number in [0, 1]", bigJumpProbability);
        mutationWeights = checkedWeights(mutationWeights);
        check(parsimony >= 0 && Double.isFinite(parsimony), "parsimony", "a finite number >= 0", parsimony);
        check(unsoundPenalty >= 0 && Double.isFinite(unsoundPenalty), "unsound_penalty", "a finite number >= 0", unsoundPenalty);
        check(stagnation >= 0, "stagnation", "an integer >= 0", stagnation);
        check(crowding >= 0 && Double.isFinite(crowding), "crowding", "a finite number >= 0", crowding);
        check(polish >= 0, "polish", "an integer >= 0", polish);
        check(searchRows == 0 || searchRows >= MIN_SEARCH_ROWS, "search_rows", "0 (all rows) or an integer >= " + MIN_SEARCH_ROWS,
                searchRows);
        check(fit != null, "fit", "an object", fit);
        check(folds != null, "folds", "an object", folds);
        check(templates != null, "templates", "an object", templates);
    }

    /** The mutation operators' weights, as the grammar draws with them. */
    public MutationWeights weights() {
        Map<Mutation, Double> w = new EnumMap<>(Mutation.class);
        mutationWeights.forEach((k, v) -> w.put(Mutation.named(k), v));
        return MutationWeights.of(w);
    }

    /**
     * The options that differ from {@link #DEFAULTS}, by JSON key (nested keys joined by dots:
     * {@code fit.max_iterations}), in declaration order: what a log line or a leaderboard shows.
     */
    public Map<String, Object> differences() {
        Map<String, Object> out = new LinkedHashMap<>();
        differences("", JSON.valueToTree(this), JSON.valueToTree(DEFAULTS), out);
        return out;
    }

    private static void differences(String prefix, JsonNode mine, JsonNode base, Map<String, Object> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = mine.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode b = base.get(e.getKey());
            if (e.getValue().isObject() && b != null && b.isObject()) {
                differences(prefix + e.getKey() + ".", e.getValue(), b, out);
            } else if (!e.getValue().equals(b)) {
                out.put(prefix + e.getKey(), JSON.convertValue(e.getValue(), Object.class));
            }
        }
    }

    /** {@link #differences()} as one line ({@code parsimony=0.05, fit.starts=8}), "defaults" when none. */
    public String describeDifferences() {
        Map<String, Object> d = differences();
        return d.isEmpty() ? "defaults" : d.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every operator's weight by name, in the operators' order; left out: 0. */
    private static Map<String, Double> checkedWeights(Map<String, Double> given) {
        check(given != null, "mutation_weights", "an object", given);
        for (Map.Entry<String, Double> e : given.entrySet()) {
            if (Mutation.named(e.getKey()) == null) {
                throw new IllegalArgumentException("mutation_weights: unknown operator \"" + e.getKey() + "\" (known: "
                        + Stream.of(Mutation.values()).map(Mutation::key).collect(Collectors.joining(", ")) + ")");
            }
            Double w = e.getValue();
            check(w != null && w >= 0 && Double.isFinite(w), "mutation_weights." + e.getKey(), "a finite number >= 0", w);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        double sum = 0;
        for (Mutation m : Mutation.values()) {
            double w = given.getOrDefault(m.key(), 0.0);
            out.put(m.key(), w);
            sum += w;
        }
        check(sum > 0, "mutation_weights", "weights with a positive sum", given);
        return java.util.Collections.unmodifiableMap(out);
    }

    public static Builder builder() { return new Builder(); }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.islands = islands;
        b.populationSize = populationSize;
        b.migrationInterval = migrationInterval;
        b.migrants = migrants;
        b.tournamentSize = tournamentSize;
        b.elites = elites;
        b.offspringFraction = offspringFraction;
        b.maximalAge = maximalAge;
        b.mutationProbability = mutationProbability;
        b.crossoverProbability = crossoverProbability;
        b.bigJumpProbability = bigJumpProbability;
        b.mutationWeights = new LinkedHashMap<>(mutationWeights);
        b.parsimony = parsimony;
        b.unsoundPenalty = unsoundPenalty;
        b.stagnation = stagnation;
        b.crowding = crowding;
        b.polish = polish;
        b.searchRows = searchRows;
        b.fit = fit;
        b.folds = folds;
        b.templates = templates;
        return b;
    }

    /** Starts from the defaults; {@link #build()} validates. */
    public static final class Builder {
        private int islands = 4;
        private int populationSize = 48;
        private int migrationInterval = 8;
        private int migrants = 2;
        private int tournamentSize = 3;
        private int elites = 2;
        private double offspringFraction = 0.7;
        private int maximalAge = 60;
        private double mutationProbability = 0.6;
        private double crossoverProbability = 0.25;
        private double bigJumpProbability = 0.25;
        private Map<String, Double> mutationWeights = defaultWeights();
        private double parsimony = 0.03;
        private double unsoundPenalty = 2;
        private int stagnation = 300;
        private double crowding = 1;
        private int polish = 12;
        private int searchRows = 4000;
        private FitEffort fit = FitEffort.DEFAULT;
        private FoldRules folds = FoldRules.DEFAULT;
        private TemplateLimits templates = TemplateLimits.DEFAULT;

        private Builder() { }

        public Builder islands(int n) { islands = n; return this; }

        public Builder populationSize(int n) { populationSize = n; return this; }

        public Builder migrationInterval(int n) { migrationInterval = n; return this; }

        public Builder migrants(int n) { migrants = n; return this; }

        public Builder tournamentSize(int n) { tournamentSize = n; return this; }

        public Builder elites(int n) { elites = n; return this; }

        public Builder offspringFraction(double f) { offspringFraction = f; return this; }

        public Builder maximalAge(int n) { maximalAge = n; return this; }

        public Builder mutationProbability(double p) { mutationProbability = p; return this; }

        public Builder crossoverProbability(double p) { crossoverProbability = p; return this; }

        public Builder bigJumpProbability(double p) { bigJumpProbability = p; return this; }

        /** All operators' weights at once (one left out weighs 0). */
        public Builder mutationWeights(Map<String, Double> w) { mutationWeights = new LinkedHashMap<>(w); return this; }

        /** One operator's weight, the others kept. */
        public Builder mutationWeight(Mutation m, double w) { mutationWeights.put(m.key(), w); return this; }

        public Builder parsimony(double p) { parsimony = p; return this; }

        public Builder unsoundPenalty(double p) { unsoundPenalty = p; return this; }

        public Builder stagnation(int n) { stagnation = n; return this; }

        public Builder crowding(double c) { crowding = c; return this; }

        public Builder polish(int n) { polish = n; return this; }

        public Builder searchRows(int n) { searchRows = n; return this; }

        public Builder fit(FitEffort f) { fit = f; return this; }

        public Builder folds(FoldRules f) { folds = f; return this; }

        public Builder templates(TemplateLimits t) { templates = t; return this; }

        public SearchOptions build() {
            return new SearchOptions(islands, populationSize, migrationInterval, migrants, tournamentSize, elites,
                    offspringFraction, maximalAge, mutationProbability, crossoverProbability, bigJumpProbability,
                    mutationWeights, parsimony, unsoundPenalty, stagnation, crowding, polish, searchRows, fit, folds, templates);
        }

        private static Map<String, Double> defaultWeights() {
            Map<String, Double> w = new LinkedHashMap<>();
            MutationWeights.DEFAULT.asMap().forEach((m, v) -> w.put(m.key(), v));
            return w;
        }
    }
}
