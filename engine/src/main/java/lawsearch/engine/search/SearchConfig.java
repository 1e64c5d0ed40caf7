package lawsearch.engine.search;

import java.time.Duration;

/**
 * What one search run is: its budget (generations and/or time), seed and threads, and the
 * {@link SearchOptions} it searches with. Immutable; built with {@link #builder()} in the Jenetics
 * style.
 */
public record SearchConfig(long generations, Duration time, long seed, int threads, SearchOptions options) {

    public static Builder builder() { return new Builder(); }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.generations = generations;
        b.time = time;
        b.seed = seed;
        b.threads = threads;
        b.options = options;
        return b;
    }

    public static final class Builder {
        private long generations = 0;
        private Duration time = Duration.ofMinutes(2);
        private long seed = 0;
        private int threads = Runtime.getRuntime().availableProcessors();
        private SearchOptions options = SearchOptions.DEFAULTS;

        /** Stop after this many generations (0: no generation limit). */
        public Builder generations(long g) { generations = g; return this; }

        /** Stop after this much search time (null: no time limit). */
        public Builder time(Duration t) { time = t; return this; }

        public Builder seed(long s) { seed = s; return this; }

        public Builder threads(int n) { threads = n; return this; }

        /** The search's settings (default {@link SearchOptions#DEFAULTS}). */
        public Builder options(SearchOptions o) { options = o; return this; }

        public SearchConfig build() {
            if (generations <= 0 && time == null) {
                throw new IllegalArgumentException("a search needs a generation or time budget");
            }
            if (options == null) {
                throw new IllegalArgumentException("a search needs its options");
            }
            return new SearchConfig(generations, time, seed, threads, options);
        }
    }
}
