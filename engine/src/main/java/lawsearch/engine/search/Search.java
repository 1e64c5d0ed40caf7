package lawsearch.engine.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.jenetics.AnyChromosome;
import io.jenetics.AnyGene;
import io.jenetics.EliteSelector;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.Selector;
import io.jenetics.TournamentSelector;
import io.jenetics.engine.Engine;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.formatter.Printer;
import lawsearch.grammar.operators.Generator;

/**
 * The EVOLVE-BLOCK loop: islands of laws evolved by Jenetics engines with our grammar operators,
 * scored by {@link Fitness} on train rows only, with periodic migration and a Pareto hall of fame.
 *
 * <p>Determinism: selection and alteration run on this thread (the engines' executor runs tasks
 * inline) and draw from a generator installed in Jenetics' RandomRegistry, seeded afresh each
 * generation from (seed, generation); fitness is a pure function of the law, computed in parallel
 * and written back by index. So the same seed gives the same laws whatever the thread count, and
 * a search continued from a {@link SearchState} ends exactly as an uninterrupted one.
 */
public final class Search {
    private final Fitness fitness;
    private final Generator generator;
    private final SearchConfig config;
    private final SearchOptions options;
    private final List<Law> seeds;
    private final AtomicBoolean stop;
    private final Batch batch;
    private final Crowding crowding;

    public Search(Fitness fitness, Generator generator, SearchConfig config, List<Law> seeds, AtomicBoolean stop) {
        this.fitness = fitness;
        this.generator = generator;
        this.config = config;
        this.options = config.options();
        this.seeds = List.copyOf(seeds);
        this.stop = stop;
        this.batch = new Batch(fitness);
        this.crowding = new Crowding(options.crowding());
    }

    public record Result(HallOfFame hallOfFame, List<Generation> history, int evaluations, double seconds,
                         boolean interrupted) { }

    /** The state to continue from (a checkpoint's), or null for a fresh search. */
    private SearchState from;

    /** Continues from {@code state} instead of starting afresh; the scores go back into the cache. */
    public Search resumeFrom(SearchState state) {
        this.from = state;
        fitness.restore(state.scores());
        return this;
    }

    public Result run(Consumer<Generation> onGeneration) {
        return run(onGeneration, Boundary.NONE);
    }

    public Result run(Consumer<Generation> onGeneration, Boundary boundary) {
        ForkJoinPool pool = new ForkJoinPool(config.threads());
        try {
            List<Generation> history = new ArrayList<>(from == null ? List.of() : from.history());
            // A resumed search's clock starts where the saved one stopped, so a time budget carries over.
            long t0 = System.nanoTime() - (from == null ? 0 : (long) (from.elapsedSeconds() * 1e9));
            loop(pool, history, t0, onGeneration, boundary);
            if (!stop.get()) {
                polish(pool);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            return new Result(HallOfFame.of(fitness.all()), history, fitness.evaluations(), secs, stop.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private void loop(ForkJoinPool pool, List<Generation> history, long t0, Consumer<Generation> onGeneration,
                      Boundary boundary) {
        List<Island> islands = RandomRegistry.with(random(0), r -> from == null ? fresh(pool) : restored(pool));
        crowding.apply(islands);
        long gen = from == null ? 0 : from.generation();
        if (stop.get() || !history.isEmpty() && spent(history.get(history.size() - 1))) {
            return;   // stopped before it began, or resumed from the final checkpoint of a spent budget
        }
        Stagnation stagnation = new Stagnation(options.stagnation(), islands.size());
        history.forEach(stagnation::observe);   // a resumed search knows when it last improved
        while (true) {
            gen++;
            RandomRegistry.using(random(gen), r -> islands.forEach(Island::step));
            crowding.note(batch.score(islands, pool));   // every island's offspring, as one batch on the pool
            if (gen % options.migrationInterval() == 0 && islands.size() > 1) {
                migrate(islands);
            }
            Generation g = summary(gen, t0);
            int stale = stagnation.observe(g);
            if (stale >= 0) {
                restart(islands, stale, gen, pool);
            }
            crowding.apply(islands);
            history.add(g);
            onGeneration.accept(g);
            // Read the stop flag once: the boundary is told it is the last exactly when the loop ends here.
            boolean last = stop.get() || spent(g);
            long at = gen;
            boundary.reached(g, () -> state(at, islands, history, g.elapsedSeconds()), last);
            if (last) {
                return;
            }
        }
    }

    private boolean spent(Generation g) {
        return config.generations() > 0 && g.generation() >= config.generations()
                || config.time() != null && g.elapsedSeconds() >= config.time().toMillis() / 1000.0;
    }

    /**
     * Generation {@code gen}'s generator (0: the initial populations). Reseeding per generation from
     * (seed, generation) means a checkpoint needs no generator state, and a resumed search draws
     * exactly what an uninterrupted one would.
     */
    private SplittableRandom random(long gen) {
        return new SplittableRandom(mix(mix(config.seed()) + gen));
    }

    /** MurmurHash3's 64-bit finaliser: nearby (seed, generation) pairs get unrelated streams. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /**
     * New islands, their initial laws scored as one batch before the first step (an engine selects
     * from its population before it breeds, so these must be real scores, not pending ones).
     */
    private List<Island> fresh(ForkJoinPool pool) {
        List<Island> islands = new ArrayList<>();
        for (int i = 0; i < options.islands(); i++) {
            Island island = new Island(engine(pool), initial(i));
            batch.evaluator().eval(island.population());
            islands.add(island);
        }
        crowding.note(batch.score(islands, pool));
        return islands;
    }

    /** The saved islands; each member's fitness is its cached score's (all were scored before the save). */
    private List<Island> restored(ForkJoinPool pool) {
        AnyChromosome<Law> proto = chromosome();
        List<Island> islands = new ArrayList<>();
        for (SearchState.IslandState is : from.islands()) {
            List<Phenotype<AnyGene<Law>, Double>> pop = new ArrayList<>();
            for (SearchState.Member m : is.population()) {
                Score s = fitness.score(m.law());
                Phenotype<AnyGene<Law>, Double> p = member(proto, m.law(), m.born()).withFitness(s.fitness());
                crowding.note(Map.of(p.genotype(), s));
                pop.add(p);
            }
            islands.add(new Island(engine(pool), ISeq.of(pop), is.generation()));
        }
        return islands;
    }

    private SearchState state(long gen, List<Island> islands, List<Generation> history, double elapsed) {
        List<SearchState.IslandState> out = new ArrayList<>();
        for (Island island : islands) {
            List<SearchState.Member> pop = new ArrayList<>();
            for (Phenotype<AnyGene<Law>, Double> p : island.population()) {
                pop.add(new SearchState.Member(p.genotype().gene().allele(), p.generation()));
            }
            out.add(new SearchState.IslandState(island.generation(), pop));
        }
        return new SearchState(gen, elapsed, out, new ArrayList<>(fitness.all()), history);
    }

    /**
     * Re-scores the best laws under every fit-settings variant (loss × weighting), so laws of the
     * same structure compete under their best settings and parsimony, not a lucky setting, decides
     * between a form and its decorated variants. Deterministic: a fixed set, scored in parallel.
     */
    private void polish(ForkJoinPool pool) {
        List<Score> best = new ArrayList<>(fitness.all());
        best.removeIf(Score::failed);
        best.sort(HallOfFame.BY_FITNESS);
        List<Law> variants = new ArrayList<>();
        for (Score s : best.subList(0, Math.min(options.polish(), best.size()))) {
            variants.addAll(FitVariants.of(s.law(), generator.grammar().scaleVariables()));
        }
        fitness.scoreAll(variants, pool);
    }

    /**
     * Gives island {@code i} a fresh start when the search stagnates ({@link Stagnation}): the
     * front's fittest laws ({@code migrants} of them, at least one) and new grammar laws, drawn from
     * a generator of their own seeded by (seed, generation), scored as one batch. The island keeps
     * its engine and generation count; the new laws are born now.
     */
    private void restart(List<Island> islands, int i, long gen, ForkJoinPool pool) {
        Island island = islands.get(i);
        AnyChromosome<Law> proto = chromosome();
        List<Phenotype<AnyGene<Law>, Double>> pop = new ArrayList<>();
        List<Score> fittest = new ArrayList<>(hof.front());
        fittest.sort(HallOfFame.BY_FITNESS);
        for (Score s : fittest.subList(0, Math.min(Math.max(1, options.migrants()), fittest.size()))) {
            pop.add(member(proto, s.law(), island.generation()));
        }
        RandomRegistry.using(new SplittableRandom(mix(mix(config.seed() ^ RESTARTS) + gen)), r -> {
            while (pop.size() < options.populationSize()) {
                pop.add(Phenotype.of(Genotype.of(proto.newInstance()), island.generation()));
            }
        });
        island.restart(ISeq.of(pop));
        batch.evaluator().eval(island.population());
        crowding.note(batch.score(islands, pool));
    }

    /** Keeps the restarts' random stream apart from the generations'. */
    private static final long RESTARTS = 0x5EED_0F_4E57A47L;

    /** Ring migration: each island's best replace the next island's worst. */
    private void migrate(List<Island> islands) {
        List<List<Phenotype<AnyGene<Law>, Double>>> out = islands.stream().map(i -> i.best(options.migrants())).toList();
        for (int i = 0; i < islands.size(); i++) {
            islands.get((i + 1) % islands.size()).receive(out.get(i));
        }
    }

    /**
     * The hall of fame as of {@link #hofAt} evaluations. It grows from its own front and the laws
     * scored since: a law off the front of some scores is off the front of more, and laws off the
     * front move no front law's rank, so this is the front of all scores without sorting them all
     * each generation (late in a long run that sort was most of a generation's serial work).
     */
    private HallOfFame hof;
    private int hofAt = -1;

    /**
     * The {@code polish} fittest scores (by {@link HallOfFame#BY_FITNESS}, failed fits aside), which
     * the final polish reads; like the front, a law that leaves it never returns.
     */
    private final TreeSet<Score> fittest = new TreeSet<>(HallOfFame.BY_FITNESS);

    private Generation summary(long gen, long t0) {
        int now = fitness.evaluations();
        if (hof == null) {
            List<Score> all = fitness.joinedSince(0);
            hof = HallOfFame.of(all);
            noteFittest(all);
        } else if (now != hofAt) {
            List<Score> joined = fitness.joinedSince(hofAt);
            List<Score> grown = new ArrayList<>(hof.front());
            grown.addAll(joined);
            hof = HallOfFame.of(grown);
            noteFittest(joined);
        }
        hofAt = now;
        // Only the front and the fittest can be reported, polished or migrated: the rest keep their score, not their law.
        Set<Long> front = hof.front().stream().map(Score::hash).collect(Collectors.toSet());
        fitness.forget(s -> front.contains(s.hash()) || fittest.contains(s), now);
        Score best = hof.chosen();
        double secs = (System.nanoTime() - t0) / 1e9;
        return new Generation(gen, fitness.evaluations(), best == null ? Double.NaN : best.fitness(),
                best == null ? Double.NaN : best.validationR2(), printed(best), hof.front().size(), secs);
    }

    private void noteFittest(List<Score> scores) {
        for (Score s : scores) {
            if (!s.failed() && options.polish() > 0) {
                fittest.add(s);
                if (fittest.size() > options.polish()) {
                    fittest.pollLast();
                }
            }
        }
    }

    /** The fittest law as printed, kept until another law is the fittest (most generations keep it). */
    private Score printedBest;
    private String printedText = "";

    private String printed(Score best) {
        if (best != printedBest) {
            printedBest = best;
            printedText = best == null ? "" : Printer.print(best.law().expr());
        }
        return printedText;
    }

    /** The seed laws spread over the islands (each island gets all of them), then random laws. */
    private ISeq<Phenotype<AnyGene<Law>, Double>> initial(int island) {
        List<Phenotype<AnyGene<Law>, Double>> pop = new ArrayList<>();
        AnyChromosome<Law> proto = chromosome();
        for (Law s : seeds) {
            if (pop.size() < options.populationSize() / 2 && generator.grammar().accepts(s)) {
                pop.add(member(proto, s, 1));
            }
        }
        while (pop.size() < options.populationSize()) {
            pop.add(Phenotype.of(Genotype.of(proto.newInstance()), 1));
        }
        return ISeq.of(pop);
    }

    /** An individual holding {@code law}, born in generation {@code born}, not yet evaluated. */
    private static Phenotype<AnyGene<Law>, Double> member(AnyChromosome<Law> proto, Law law, long born) {
        return Phenotype.of(Genotype.of(proto.newInstance(ISeq.of(proto.gene().newInstance(law)))), born);
    }

    private AnyChromosome<Law> chromosome() {
        return AnyChromosome.of(() -> generator.law(RandomRegistry.random()), generator.grammar()::accepts);
    }

    private Engine<AnyGene<Law>, Double> engine(ForkJoinPool pool) {
        AnyChromosome<Law> proto = chromosome();
        return new Engine.Builder<AnyGene<Law>, Double>(batch.evaluator(), () -> Genotype.of(proto.newInstance()))
                .executor(Runnable::run)
                .minimizing()
                .populationSize(options.populationSize())
                .offspringFraction(options.offspringFraction())
                .survivorsSelector(survivors())
                .offspringSelector(new TournamentSelector<>(options.tournamentSize()))
                .alterers(new LawMutator(generator, options.mutationProbability(), options.weights(),
                                options.bigJumpProbability()),
                        new LawCrossover(generator.grammar(), options.crossoverProbability()))
                .maximalPhenotypeAge(options.maximalAge())
                .build();
    }

    /** The elites, then tournaments; Jenetics' EliteSelector needs at least one elite, so none means tournaments alone. */
    private Selector<AnyGene<Law>, Double> survivors() {
        TournamentSelector<AnyGene<Law>, Double> tournament = new TournamentSelector<>(options.tournamentSize());
        return options.elites() == 0 ? tournament : new EliteSelector<>(options.elites(), tournament);
    }
}
