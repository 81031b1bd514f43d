package vn.vneidbridge.core.id;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The outcome of parsing an id number: either a valid number (possibly with warnings) or only problems.
 *
 * <p>Invariant: {@link #number()} is present exactly when no problem is an
 * {@link IdNumberProblem.Severity#ERROR ERROR}.
 *
 * @param <T> the number type, {@link PersonalIdNumber} or {@link CmndNumber}
 */
public final class IdParseResult<T> {

    private final T number;
    private final List<IdNumberProblem> problems;

    private IdParseResult(T number, List<IdNumberProblem> problems) {
        this.number = number;
        this.problems = List.copyOf(problems);
    }

    static <T> IdParseResult<T> valid(T number, List<IdNumberProblem> warnings) {
        if (number == null || warnings.stream().anyMatch(IdNumberProblem::isError)) {
            throw new IllegalArgumentException("a valid result needs a number and no error");
        }
        return new IdParseResult<>(number, warnings);
    }

    static <T> IdParseResult<T> invalid(List<IdNumberProblem> problems) {
        if (problems.stream().noneMatch(IdNumberProblem::isError)) {
            throw new IllegalArgumentException("an invalid result needs an error");
        }
        return new IdParseResult<>(null, problems);
    }

    /** Whether the input is a valid number (warnings allowed). */
    public boolean isValid() {
        return number != null;
    }

    /** The parsed number, present exactly when {@link #isValid()}. */
    public Optional<T> number() {
        return Optional.ofNullable(number);
    }

    /** All problems, errors and warnings, in the order found; immutable. */
    public List<IdNumberProblem> problems() {
        return problems;
    }

    /** Only the {@link IdNumberProblem.Severity#ERROR ERROR} problems; empty when valid. */
    public List<IdNumberProblem> errors() {
        return filter(IdNumberProblem::isError);
    }

    /** Only the {@link IdNumberProblem.Severity#WARNING WARNING} problems. */
    public List<IdNumberProblem> warnings() {
        return filter(p -> !p.isError());
    }

    private List<IdNumberProblem> filter(Predicate<IdNumberProblem> keep) {
        return problems.stream().filter(keep).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public String toString() {
        return (isValid() ? "valid " + number : "invalid") + (problems.isEmpty() ? "" : " " + problems);
    }
}
