package vn.vneidbridge.core.id;

import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How strictly {@link PersonalIdNumber#parse(String, PersonalIdRules)} judges a number: whether an unknown
 * province code is an error or a warning, and which clock says what "the current year" is.
 *
 * <p>Immutable. The default, {@link #strict()}, treats an unknown province code as an error and reads the
 * year in Vietnam's time zone.
 */
public final class PersonalIdRules {

    /** Vietnam's time zone, where a new year of birth begins. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final PersonalIdRules STRICT = new PersonalIdRules(true, Clock.system(VIETNAM));

    private final boolean strict;
    private final Clock clock;

    private PersonalIdRules(boolean strict, Clock clock) {
        this.strict = strict;
        this.clock = clock;
    }

    /** Unknown province code = {@link IdNumberProblem.Severity#ERROR ERROR}; the default. */
    public static PersonalIdRules strict() {
        return STRICT;
    }

    /**
     * Unknown province code = {@link IdNumberProblem.Severity#WARNING WARNING}, for deployments that must
     * accept numbers of births registered abroad, whose codes are not published.
     */
    public static PersonalIdRules lenient() {
        return new PersonalIdRules(false, STRICT.clock);
    }

    /** These rules with another clock, e.g. {@link Clock#fixed} in tests. */
    public PersonalIdRules withClock(Clock clock) {
        return new PersonalIdRules(strict, Objects.requireNonNull(clock, "clock"));
    }

    /** Whether an unknown province code is an error. */
    public boolean isStrict() {
        return strict;
    }

    public Clock clock() {
        return clock;
    }

    IdNumberProblem.Severity unknownProvinceSeverity() {
        return strict ? IdNumberProblem.Severity.ERROR : IdNumberProblem.Severity.WARNING;
    }

    Year currentYear() {
        return Year.now(clock);
    }

    @Override
    public String toString() {
        return (strict ? "strict" : "lenient") + " " + clock;
    }
}
