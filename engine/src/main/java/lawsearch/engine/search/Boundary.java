package lawsearch.engine.search;

import java.util.function.Supplier;

/**
 * Told at every generation boundary, after the generation's summary: the place where the search
 * can be saved and continued exactly. {@code state} is built only when asked for (most boundaries
 * are not saved); {@code last} is true at the search's final boundary (budget spent or stopped).
 */
@FunctionalInterface
public interface Boundary {
    Boundary NONE = (g, state, last) -> { };

    void reached(Generation generation, Supplier<SearchState> state, boolean last);
}
