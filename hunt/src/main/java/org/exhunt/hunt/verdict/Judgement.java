package org.exhunt.hunt.verdict;

import java.util.List;
import java.util.Objects;

/**
 * A verdict and why: each reason is a short sentence naming the findings or the gaps in the
 * evidence that decided it, so a reader can check the verdict against the findings.
 */
public record Judgement(Verdict verdict, List<String> reasons) {
    public Judgement {
        Objects.requireNonNull(verdict, "verdict");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
