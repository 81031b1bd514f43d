package vn.vneidbridge.cccd.verification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import vn.vneidbridge.cccd.registry.PopulationRegistry;
import vn.vneidbridge.cccd.registry.RegistryQuery;
import vn.vneidbridge.cccd.registry.RegistryRecord;
import vn.vneidbridge.cccd.registry.RegistryResult;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.id.PersonalIdNumber;

/**
 * The old 9-digit CMND the population database holds for a person VNeID has identified: a portal account that
 * knows its holder only by the CMND can then be found. The question is asked with the identity VNeID vouched
 * for (id number, full name, birth date), so the registry answers only for that person; a registry that
 * answers with a bare match flag yields {@link Outcome#NONE}.
 */
public final class FormerIdLookup {

    /** What the registry said. */
    public enum Outcome { FOUND, NONE, UNAVAILABLE }

    /**
     * @param outcome what the registry said
     * @param cmnd    the CMND, present only with {@link Outcome#FOUND}
     */
    public record Answer(Outcome outcome, Optional<String> cmnd) {
        public Answer {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(cmnd, "cmnd");
        }

        static Answer none() {
            return new Answer(Outcome.NONE, Optional.empty());
        }
    }

    private static final Logger LOG = Logger.getLogger(FormerIdLookup.class);

    private final KeycloakSession session;
    private final String registryId;

    public FormerIdLookup(KeycloakSession session, String registryId) {
        this.session = session;
        this.registryId = registryId;
    }

    /**
     * @param idNumber  the 12-digit id number VNeID gave
     * @param fullName  the full name VNeID gave
     * @param birthDate the birth date VNeID gave, ISO {@code yyyy-MM-dd}
     * @param gender    the gender VNeID gave, if any
     */
    public Answer cmndOf(String idNumber, String fullName, String birthDate, String gender) {
        Optional<PersonalIdNumber> number = PersonalIdNumber.parse(idNumber).number();
        Optional<LocalDate> born = parseDate(birthDate);
        if (number.isEmpty() || fullName == null || fullName.isBlank() || born.isEmpty()) {
            return Answer.none(); // VNeID did not give enough to ask; nothing can be matched
        }
        PopulationRegistry registry = session.getProvider(PopulationRegistry.class, registryId);
        if (registry == null) {
            LOG.warnf("no population registry provider '%s' is installed", registryId);
            return new Answer(Outcome.UNAVAILABLE, Optional.empty());
        }
        RegistryResult result = registry.verify(new RegistryQuery(number.get().value(), fullName.trim(), born.get(),
                Optional.empty(), Gender.parse(gender)));
        LOG.debugf("registry %s answered %s for the former id of %s", registryId,
                result.getClass().getSimpleName(), number.get().mask());
        if (result instanceof RegistryResult.Unavailable) {
            return new Answer(Outcome.UNAVAILABLE, Optional.empty());
        }
        if (result instanceof RegistryResult.Match match) {
            return match.record().flatMap(RegistryRecord::cmnd)
                    .filter(cmnd -> cmnd.matches("[0-9]{9}"))
                    .map(cmnd -> new Answer(Outcome.FOUND, Optional.of(cmnd)))
                    .orElseGet(Answer::none);
        }
        return Answer.none();
    }

    private static Optional<LocalDate> parseDate(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
