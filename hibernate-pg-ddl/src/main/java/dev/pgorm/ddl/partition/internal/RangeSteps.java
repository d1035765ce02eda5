package dev.pgorm.ddl.partition.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** The date ranges {@code ensureRange} asks for: {@code [from, to)} cut into steps. */
final class RangeSteps {

    /** One step: {@code [lower, upper)}. */
    record Step(LocalDate lower, LocalDate upper) {}

    private RangeSteps() {}

    /**
     * Returns the steps from {@code from} on, each {@code step} long, until one reaches {@code to};
     * the last may end after {@code to}.
     *
     * @throws IllegalArgumentException when an argument is null, the range is empty or the step is
     *     not positive
     */
    static List<Step> of(LocalDate from, LocalDate to, Period step) {
        if (from == null || to == null || step == null) {
            throw PartitionMessages.argumentsMissing();
        }
        if (!from.isBefore(to)) {
            throw PartitionMessages.emptyRange(from, to);
        }
        if (step.isZero() || step.isNegative() || !from.plus(step).isAfter(from)) {
            throw PartitionMessages.stepNotPositive(step);
        }
        List<Step> steps = new ArrayList<>();
        for (LocalDate lower = from; lower.isBefore(to); lower = lower.plus(step)) {
            steps.add(new Step(lower, lower.plus(step)));
        }
        return steps;
    }
}
