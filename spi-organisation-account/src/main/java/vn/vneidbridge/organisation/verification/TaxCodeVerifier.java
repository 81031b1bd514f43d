package vn.vneidbridge.organisation.verification;

import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.id.IdNumberProblem;
import vn.vneidbridge.core.id.IdParseResult;
import vn.vneidbridge.core.id.TaxCode;
import vn.vneidbridge.core.id.VietnameseNames;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.organisation.registry.BusinessQuery;
import vn.vneidbridge.organisation.registry.BusinessRegistry;
import vn.vneidbridge.organisation.registry.BusinessResult;

/**
 * Puts a tax code on an organisation's account as <em>matched by the business registry</em> only after the registry
 * confirms that the code is an active enterprise registered under the account's name: the code's own rules first,
 * then that the account holds no other code verified by VNeID, then that the organisation's VNeID account has not
 * disowned this account, then the registry, then that no other account holds the code verified. An unknown code, a
 * name that is not the registered one and an enterprise no longer active get one answer, so the form tells nobody
 * which name goes with a code. Nothing is stored unless the registry matches.
 *
 * <p>A match is not a proof: a tax code and an enterprise's registered name are both public, and a legacy account's
 * name is whatever its registrant typed. So a match stores {@code tax_code_registry_matched_at}, never
 * {@code tax_code_verified}: it lets the account's own session link the organisation's VNeID account (the notice),
 * and offers the account to that VNeID account's first login against its password; only the organisation's VNeID
 * account makes the code verified (the identity mapper), and only a code so verified makes another account's
 * "taken", or reaches a portal.
 */
public final class TaxCodeVerifier {

    private static final Logger LOG = Logger.getLogger(TaxCodeVerifier.class);

    private final KeycloakSession session;
    private final String registryId;

    public TaxCodeVerifier(KeycloakSession session, String registryId) {
        this.session = session;
        this.registryId = registryId;
    }

    /** Checks the code for the account and, only when the registry matches, stores it as matched. */
    public TaxCodeVerificationResult verify(RealmModel realm, UserModel user, String typed) {
        return evaluate(realm, user, typed, true);
    }

    /** The same questions as {@link #verify}, but nothing is stored: whether the code is this organisation's. */
    public TaxCodeVerificationResult check(RealmModel realm, UserModel user, String typed) {
        return evaluate(realm, user, typed, false);
    }

    private TaxCodeVerificationResult evaluate(RealmModel realm, UserModel user, String typed, boolean store) {
        IdParseResult<TaxCode> parsed = TaxCode.parse(typed);
        if (!parsed.isValid()) {
            return invalid(parsed.errors().get(0));
        }
        TaxCode code = parsed.number().orElseThrow();
        if (AccountKind.ofUser(user::getFirstAttribute) != AccountKind.ORGANISATION) {
            // a citizen's account is identified by the personal id number, never by a tax code
            return TaxCodeVerificationResult.failed(TaxCodeVerificationResult.Outcome.NOT_AN_ORGANISATION,
                    "vneidTaxCodeNotOrganisation", "tax_code_not_organisation", List.of(), null);
        }
        if ("true".equals(user.getFirstAttribute(UserAttributes.TAX_CODE_VERIFIED))) {
            // the organisation's VNeID account vouched for the code it holds: never replaced from a form
            return code.value().equals(user.getFirstAttribute(UserAttributes.TAX_CODE))
                    ? TaxCodeVerificationResult.success()
                    : TaxCodeVerificationResult.failed(TaxCodeVerificationResult.Outcome.TAKEN,
                            "vneidTaxCodeVerifiedByVneid", "tax_code_verified_by_vneid", List.of(), null);
        }
        if (user.getFirstAttribute(UserAttributes.TAX_CODE_DISPUTED_AT) != null
                && code.value().equals(user.getFirstAttribute(UserAttributes.TAX_CODE))) {
            // the organisation's VNeID account said this account is not the organisation's
            return TaxCodeVerificationResult.failed(TaxCodeVerificationResult.Outcome.DISPUTED,
                    "vneidTaxCodeDisputed", "tax_code_disputed", List.of(), null);
        }
        String name = VietnameseNames.normalize(user.getFirstAttribute(UserAttributes.FULL_NAME));
        if (name.isEmpty()) {
            return TaxCodeVerificationResult.failed(TaxCodeVerificationResult.Outcome.PROFILE_INCOMPLETE,
                    "vneidTaxCodeProfileIncomplete", "tax_code_profile_incomplete", List.of(), null);
        }
        BusinessRegistry registry = session.getProvider(BusinessRegistry.class, registryId);
        if (registry == null) {
            LOG.warnf("no business registry provider '%s' is installed", registryId);
            return unavailable("not-installed");
        }
        BusinessResult answer = registry.verify(new BusinessQuery(code, name));
        LOG.debugf("business registry %s answered %s for %s", registryId, answer.getClass().getSimpleName(),
                code.mask());
        // only the code's own organisation gets past the registry, so "taken" tells nobody whose code it is
        boolean takenElsewhere = answer instanceof BusinessResult.Match
                && verifiedOnAnotherAccount(realm, user, code.value());
        TaxCodeVerificationResult result = judge(answer, takenElsewhere);
        if (result.verified() && store) {
            store(user, code);
        }
        return result;
    }

    /** What a registry's answer means for the account: the one place the answers are told apart. */
    static TaxCodeVerificationResult judge(BusinessResult answer, boolean takenElsewhere) {
        if (answer instanceof BusinessResult.Match) {
            return takenElsewhere
                    ? TaxCodeVerificationResult.failed(TaxCodeVerificationResult.Outcome.TAKEN, "vneidTaxCodeTaken",
                            "tax_code_verified_on_another_account", List.of(), null)
                    : TaxCodeVerificationResult.success();
        }
        if (answer instanceof BusinessResult.Unavailable unavailable) {
            return unavailable(unavailable.reason());
        }
        String detail;
        if (answer instanceof BusinessResult.NameMismatch) {
            detail = "name";
        } else if (answer instanceof BusinessResult.Inactive) {
            detail = "inactive";
        } else {
            detail = "not-found";
        }
        return TaxCodeVerificationResult.failed(TaxCodeVerificationResult.Outcome.MISMATCH, "vneidTaxCodeMismatch",
                "tax_code_mismatch", List.of(), detail);
    }

    private boolean verifiedOnAnotherAccount(RealmModel realm, UserModel user, String code) {
        return session.users().searchForUserByUserAttributeStream(realm, UserAttributes.TAX_CODE, code)
                .anyMatch(other -> !other.getId().equals(user.getId())
                        && "true".equals(other.getFirstAttribute(UserAttributes.TAX_CODE_VERIFIED)));
    }

    /** The code, matched by the registry with the account's name: a claim consistent with the registry, no proof. */
    private static void store(UserModel user, TaxCode code) {
        user.setSingleAttribute(UserAttributes.TAX_CODE, code.value());
        user.setSingleAttribute(UserAttributes.TAX_CODE_REGISTRY_MATCHED_AT, Instant.now().toString());
    }

    private static TaxCodeVerificationResult invalid(IdNumberProblem problem) {
        return TaxCodeVerificationResult.failed(TaxCodeVerificationResult.Outcome.INVALID, "vneid-" + problem.code(),
                "tax_code_invalid", problem.arguments(), problem.code());
    }

    private static TaxCodeVerificationResult unavailable(String reason) {
        return TaxCodeVerificationResult.failed(TaxCodeVerificationResult.Outcome.UNAVAILABLE,
                "vneidTaxCodeRegistryUnavailable", "business_registry_unavailable", List.of(), reason);
    }
}
