package lawsearch.grammar.formatter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each name stands for its own letter, in Unicode's order; pi and other words for none. */
class GreekLettersTest {
    @Test
    void eachNameIsItsLetter() {
        assertThat(GreekLetters.letter("alpha")).isEqualTo('α');
        assertThat(GreekLetters.letter("omicron")).isEqualTo('ο');
        assertThat(GreekLetters.letter("rho")).isEqualTo('ρ');
        assertThat(GreekLetters.letter("sigma")).isEqualTo('σ');
        assertThat(GreekLetters.letter("omega")).isEqualTo('ω');
        for (String n : GreekLetters.NAMES) {
            char c = GreekLetters.letter(n);
            assertThat(Character.getName(c)).as(n).endsWith("SMALL LETTER " + n.toUpperCase(java.util.Locale.ROOT)
                    .replace("LAMBDA", "LAMDA"));
        }
        assertThat(GreekLetters.letter("pi")).isNull();
        assertThat(GreekLetters.letter("alphabet")).isNull();
    }
}
