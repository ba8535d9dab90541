package org.spotcheck.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a finished check says.
 *
 * @param urgency         how soon to see someone
 * @param urgencyReason   the answer that set the urgency; empty for {@link Urgency#WATCH}
 * @param causes          the causes that fit, most likely first; empty when nothing matched
 * @param evidence        for each cause, the answers that point to it
 * @param stiTestAdvised  birth control fits but an infection was not ruled out: suggest a test anyway
 */
public record Result(Urgency urgency, Optional<Answer> urgencyReason, List<Cause> causes,
                     Map<Cause, List<Answer>> evidence, boolean stiTestAdvised) {

    public Result {
        causes = List.copyOf(causes);
        evidence = Map.copyOf(evidence);
    }

    public boolean noClearCause() {
        return causes.isEmpty() && urgency != Urgency.NOW;
    }
}
