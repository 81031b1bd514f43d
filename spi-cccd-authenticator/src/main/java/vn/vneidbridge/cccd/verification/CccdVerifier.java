package vn.vneidbridge.cccd.verification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.cccd.registry.PopulationRegistry;
import vn.vneidbridge.cccd.registry.RegistryQuery;
import vn.vneidbridge.cccd.registry.RegistryResult;
import vn.vneidbridge.core.id.FullNameParts;
import vn.vneidbridge.core.id.IdNumberProblem;
import vn.vneidbridge.core.id.IdParseResult;
import vn.vneidbridge.core.id.NameComparison;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.PersonalIdRules;
import vn.vneidbridge.core.id.VietnameseNames;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * Puts a CCCD on an account only after the population database confirms it belongs to the account's holder:
 * the number's own rules first, then that its VNeID holder has not disowned this account, then its consistency
 * with the account's gender and birth year, then the registry — which compares every identity field the account
 * holds (full name, birth date, old CMND) and always the gender (the account's, else the one the number encodes) —
 * then that no other account holds it verified. A mismatch and an unknown number get the same answer,
 * so the form tells nobody whose number it is. Nothing is stored unless the registry matches.
 */
public final class CccdVerifier {

    public static final String SOURCE_POPULATION_REGISTRY = "population-registry";
    /** Which profile fields the registry confirmed (multi-valued attribute, e.g. FULL_NAME, BIRTH_DATE). */
    public static final String VERIFIED_FIELDS = "identity_verified_fields";

    private static final Logger LOG = Logger.getLogger(CccdVerifier.class);

    private final KeycloakSession session;
    private final String registryId;
    private final NameComparison nameComparison;

    public CccdVerifier(KeycloakSession session, String registryId) {
        this(session, registryId, NameComparison.EXACT);
    }

    /** @param nameComparison how the account's name is compared with the registered one (a setting of the step) */
    public CccdVerifier(KeycloakSession session, String registryId, NameComparison nameComparison) {
        this.session = session;
        this.registryId = registryId;
        this.nameComparison = nameComparison;
    }

    /** Verifies the number for the account and, only when the registry matches, stores it as verified. */
    public CccdVerificationResult verify(RealmModel realm, UserModel user, String typed) {
        return evaluate(realm, user, typed, true).result();
    }

    /** The same questions as {@link #verify}, but nothing is stored: whether the number is this holder's. */
    public CccdVerificationResult check(RealmModel realm, UserModel user, String typed) {
        return evaluate(realm, user, typed, false).result();
    }

    /**
     * "Cập nhật từ CSDL Quốc gia về Dân cư": {@link #verify}, and on a match with the citizen's record the record's
     * values taken into the account and marked ({@link RegistryTake}); the fields that changed. A registry that
     * answers with a bare match flag gives no values: the number is verified, nothing else changes.
     */
    public Refresh refresh(RealmModel realm, UserModel user, String typed) {
        Evaluation evaluation = evaluate(realm, user, typed, true);
        Optional<RegistryTake> taken = evaluation.match().flatMap(RegistryResult.Match::record).map(record -> {
            RegistryTake take = RegistryTake.of(user::getFirstAttribute, record);
            apply(user, take, evaluation.match().get());
            return take;
        });
        return new Refresh(evaluation.result(), taken);
    }

    /** What {@link #refresh} did: the verification's result, and what it took from the record, when it had one. */
    public record Refresh(CccdVerificationResult result, Optional<RegistryTake> taken) {
    }

    private record Evaluation(CccdVerificationResult result, Optional<RegistryResult.Match> match) {
        static Evaluation of(CccdVerificationResult result) {
            return new Evaluation(result, Optional.empty());
        }
    }

    private static void apply(UserModel user, RegistryTake take, RegistryResult.Match match) {
        for (IdentityField field : take.changed()) {
            user.setSingleAttribute(field.attribute(), take.values().get(field));
        }
        if (take.changed().contains(IdentityField.FULL_NAME)) {
            FullNameParts parts = VietnameseNames.splitFullName(take.values().get(IdentityField.FULL_NAME));
            String first = (parts.middleName() + " " + parts.givenName()).trim();
            user.setFirstName(first.isEmpty() ? null : first);
            user.setLastName(parts.familyName().isEmpty() ? null : parts.familyName());
        }
        Set<String> marks = new TreeSet<>();
        match.matched().forEach(field -> marks.add(field.name()));
        take.values().keySet().forEach(field -> marks.add(field.mark()));
        user.setAttribute(VERIFIED_FIELDS, List.copyOf(marks));
    }

    private Evaluation evaluate(RealmModel realm, UserModel user, String typed, boolean store) {
        IdParseResult<PersonalIdNumber> parsed = PersonalIdNumber.parse(typed, PersonalIdRules.strict());
        if (!parsed.isValid()) {
            return Evaluation.of(invalid(parsed.errors().get(0)));
        }
        PersonalIdNumber number = parsed.number().orElseThrow();
        if (AccountKind.ofUser(user::getFirstAttribute) == AccountKind.ORGANISATION) {
            // an organisation is identified by its tax code: a person's number is never verified on its account
            return Evaluation.of(CccdVerificationResult.failed(CccdVerificationResult.Outcome.NOT_A_CITIZEN,
                    "vneidCccdOrganisationAccount", "cccd_organisation_account", List.of(), null));
        }
        if (disputedHere(user, number.value())) {
            // the VNeID holder of this number said this account is not theirs: never verified here again
            return Evaluation.of(CccdVerificationResult.failed(CccdVerificationResult.Outcome.TAKEN,
                    "vneidCccdDisputed", "cccd_disputed", List.of(), null));
        }
        CitizenProfile profile = CitizenProfile.of(user);
        List<IdNumberProblem> inconsistent = number.checkAgainst(profile.gender().orElse(null),
                profile.birthDate().orElse(null));
        if (!inconsistent.isEmpty()) {
            return Evaluation.of(invalid(inconsistent.get(0)));
        }
        if (profile.fullName().isEmpty() || profile.birthDate().isEmpty()) {
            return Evaluation.of(CccdVerificationResult.failed(CccdVerificationResult.Outcome.PROFILE_INCOMPLETE,
                    "vneidCccdProfileIncomplete", "cccd_profile_incomplete", List.of(), null));
        }
        PopulationRegistry registry = session.getProvider(PopulationRegistry.class, registryId);
        if (registry == null) {
            LOG.warnf("no population registry provider '%s' is installed", registryId);
            return Evaluation.of(unavailable("not-installed"));
        }
        // gender is always compared: the account's, else the one the number itself encodes
        RegistryResult result = registry.verify(new RegistryQuery(number.value(), profile.fullName().get(),
                profile.birthDate().get(), profile.cmnd(), profile.gender().or(() -> Optional.of(number.gender())),
                nameComparison));
        LOG.debugf("registry %s answered %s for %s", registryId, result.getClass().getSimpleName(), number.mask());
        if (result instanceof RegistryResult.Match match) {
            // only the number's holder gets this far, so "taken" tells nobody whose number it is
            if (verifiedOnAnotherAccount(realm, user, number.value())) {
                return Evaluation.of(CccdVerificationResult.failed(CccdVerificationResult.Outcome.TAKEN,
                        "vneidCccdTaken", "cccd_verified_on_another_account", List.of(), null));
            }
            if (store) {
                store(user, number.value(), match);
            }
            return new Evaluation(CccdVerificationResult.success(), Optional.of(match));
        }
        if (result instanceof RegistryResult.Unavailable unavailable) {
            return Evaluation.of(unavailable(unavailable.reason()));
        }
        String fields = result instanceof RegistryResult.Mismatch mismatch
                ? mismatch.mismatched().stream().map(Enum::name).sorted().collect(Collectors.joining(","))
                : "not-found";
        return Evaluation.of(CccdVerificationResult.failed(CccdVerificationResult.Outcome.MISMATCH,
                "vneidCccdMismatch", "cccd_mismatch", List.of(), fields.isEmpty() ? "unspecified" : fields));
    }

    private static boolean disputedHere(UserModel user, String number) {
        return user.getFirstAttribute(UserAttributes.CCCD_DISPUTED_AT) != null
                && number.equals(user.getFirstAttribute(UserAttributes.CCCD));
    }

    private boolean verifiedOnAnotherAccount(RealmModel realm, UserModel user, String cccd) {
        return session.users().searchForUserByUserAttributeStream(realm, UserAttributes.CCCD, cccd)
                .anyMatch(other -> !other.getId().equals(user.getId())
                        && "true".equals(other.getFirstAttribute(UserAttributes.CCCD_VERIFIED))
                        // a company's account holding its representative's number is not that person's account
                        && AccountKind.ofUser(other::getFirstAttribute) == AccountKind.CITIZEN);
    }

    private static void store(UserModel user, String cccd, RegistryResult.Match match) {
        user.setSingleAttribute(UserAttributes.CCCD, cccd);
        user.setSingleAttribute(UserAttributes.CCCD_VERIFIED, "true");
        user.setSingleAttribute(UserAttributes.CCCD_VERIFIED_SOURCE, SOURCE_POPULATION_REGISTRY);
        user.setSingleAttribute(UserAttributes.CCCD_VERIFIED_AT, Instant.now().toString());
        user.setAttribute(VERIFIED_FIELDS, match.matched().stream().map(Enum::name).sorted().toList());
        match.record().flatMap(record -> record.cmnd()).ifPresent(cmnd -> {
            if (Optional.ofNullable(user.getFirstAttribute(UserAttributes.CMND)).isEmpty()) {
                user.setSingleAttribute(UserAttributes.CMND, cmnd);
            }
        });
    }

    private static CccdVerificationResult invalid(IdNumberProblem problem) {
        return CccdVerificationResult.failed(CccdVerificationResult.Outcome.INVALID, "vneid-" + problem.code(),
                "cccd_invalid", problem.arguments(), problem.code());
    }

    private static CccdVerificationResult unavailable(String reason) {
        return CccdVerificationResult.failed(CccdVerificationResult.Outcome.UNAVAILABLE,
                "vneidCccdRegistryUnavailable", "population_registry_unavailable", List.of(), reason);
    }
}
