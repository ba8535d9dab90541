package org.spotcheck.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FleschKincaidTest {

    @ParameterizedTest(name = "{0} has {1} syllables")
    @CsvSource({
            "cervical, 3", "the, 1", "bleeding, 2", "gynaecologist, 5", "infection, 3",
            "a, 1", "cat, 1", "make, 1", "table, 2", "little, 2", "whole, 1", "free, 1", "true, 1", "centre, 2",
            "stopped, 1", "asked, 1", "used, 1", "needed, 2", "started, 2", "scrambled, 2",
            "makes, 1", "rules, 1", "changes, 2", "causes, 2", "tables, 2",
            "being, 2", "trying, 2", "saying, 2", "yes, 1", "yeast, 1", "beyond, 2", "eyes, 1",
            "period, 3", "chlamydia, 4", "usually, 4", "people, 2", "precious, 2", "previous, 3",
            "likely, 2", "careful, 2", "sometimes, 2", "menopause, 3", "pregnancy, 3", "papillomavirus, 6",
            "Don’t, 1", "3, 1", "90, 2", "STI, 3", "HPV, 3", "STIs, 3", "I, 1"
    })
    void countsSyllablesOfEnglishWords(String word, int syllables) {
        assertThat(FleschKincaid.syllables(word)).isEqualTo(syllables);
    }

    @Test
    void everyWordHasAtLeastOneSyllable() {
        for (String word : List.of("hmm", "STI", "HPV", "x", "’")) {
            assertThat(FleschKincaid.syllables(word)).as(word).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aVerySimpleSentenceIsBelowFirstGrade() {
        assertThat(FleschKincaid.grade("The cat sat on the mat.")).isLessThan(1);
        assertThat(FleschKincaid.stats("The cat sat on the mat.")).isEqualTo(new FleschKincaid.Stats(1, 6, 6));
    }

    /** Wikipedia's example for the formula: 13 words, 24 syllables, grade 11.3. */
    @Test
    void aPublishedExampleScoresItsPublishedGrade() {
        String platypus = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.";

        assertThat(FleschKincaid.stats(platypus)).isEqualTo(new FleschKincaid.Stats(1, 13, 24));
        assertThat(FleschKincaid.grade(platypus)).isCloseTo(11.3, within(0.1));
    }

    @Test
    void longWordsInLongSentencesScoreHigherThanShortPlainOnes() {
        double plain = FleschKincaid.grade("See a doctor soon. It is not an emergency. But it is worth a check.");
        double dense = FleschKincaid.grade("Postcoital haemorrhage necessitates comprehensive gynaecological"
                + " investigation, particularly colposcopic evaluation, irrespective of previous cytology.");

        assertThat(plain).isLessThan(4);
        assertThat(dense).isGreaterThan(16);
    }

    @Test
    void markupIsNotReadAndLineBreaksAndBulletsEndSentences() {
        var sentences = FleschKincaid.sentences("<b>Safety first.</b> Is it now?\n• Heavy bleeding\n• A fever &amp; pain");

        assertThat(sentences).containsExactly(
                List.of("Safety", "first"), List.of("Is", "it", "now"), List.of("Heavy", "bleeding"),
                List.of("A", "fever", "pain"));
    }

    @Test
    void aPlaceholderCountsAsOneShortWord() {
        assertThat(FleschKincaid.sentences("You asked me on {date}. In {delay}."))
                .containsExactly(List.of("You", "asked", "me", "on", "it"), List.of("In", "it"));
    }

    @Test
    void decimalsAndAbbreviatedEndingsDoNotSplitSentences() {
        assertThat(FleschKincaid.stats("About 0.7 of them. Fine!").sentences()).isEqualTo(2);
        assertThat(FleschKincaid.stats("Really… okay?").sentences()).isEqualTo(2);
    }

    @Test
    void listedWordsCountAsTwoSyllables() {
        String text = "Chlamydia and gonorrhoea are infections.";
        var stats = FleschKincaid.stats(text);
        var eased = FleschKincaid.stats(text, Set.of("chlamydia", "gonorrhoea", "infections"));

        assertThat(eased.words()).isEqualTo(stats.words());
        assertThat(eased.syllables()).isEqualTo(2 + 1 + 2 + 1 + 2); // and, are: 1 each
        assertThat(FleschKincaid.grade(text, Set.of("chlamydia"))).isLessThan(FleschKincaid.grade(text));
    }

    @Test
    void aTextWithoutWordsHasGradeZero() {
        assertThat(FleschKincaid.grade("<b></b> • ✓")).isZero();
    }
}
