package org.spotcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * product.md, "The questions", question 2 and the screening start age: an age band is at or above
 * the start age when anyone in it may be; a band that straddles the start age counts as reaching it.
 */
class AgeBandsTest {

    @Test
    void under13ReachesAnAgeOf12ButNot13() {
        assertThat(Answer.AGE_UNDER_13.reaches(12)).isTrue();
        assertThat(Answer.AGE_UNDER_13.reaches(13)).isFalse();
    }

    @Test
    void from13To15ReachesAnAgeOf15ButNot16() {
        assertThat(Answer.AGE_13_15.reaches(15)).isTrue();
        assertThat(Answer.AGE_13_15.reaches(16)).isFalse();
    }

    @Test
    void from16To24ReachesAStartAgeOf21And24ButNot25() {
        assertThat(Answer.AGE_16_24.reaches(21)).isTrue();
        assertThat(Answer.AGE_16_24.reaches(24)).isTrue();
        assertThat(Answer.AGE_16_24.reaches(25)).isFalse();
    }

    @Test
    void from25To39ReachesTheDefaultStartAgeButNot40() {
        assertThat(Answer.AGE_25_39.reaches(Context.DEFAULT_START_AGE)).isTrue();
        assertThat(Answer.AGE_25_39.reaches(39)).isTrue();
        assertThat(Answer.AGE_25_39.reaches(40)).isFalse();
    }

    @Test
    void fortyOrOlderReachesAnyStartAge() {
        assertThat(Answer.AGE_40_PLUS.reaches(40)).isTrue();
        assertThat(Answer.AGE_40_PLUS.reaches(70)).isTrue();
    }

    @Test
    void onlyAnAgeBandHasAnAge() {
        assertThatThrownBy(() -> Answer.ONCE.reaches(25)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDefaultScreeningStartAgeIsEnglands25() {
        assertThat(Context.DEFAULT_START_AGE).isEqualTo(25);
        assertThat(Context.plain().screeningStartAge()).isEqualTo(25);
    }
}
