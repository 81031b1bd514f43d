package vn.vneidbridge.legacy.storage;

import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.id.IdNumberProblem;
import vn.vneidbridge.core.id.IdParseResult;
import vn.vneidbridge.core.id.TaxCode;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.store.LegacyAccount;
import vn.vneidbridge.legacy.store.LegacyAccountTaxCode;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * What a legacy row's optional column {@code tax_code} gives its account: the organisation's tax code in the canonical
 * form of {@link TaxCode}, a claim of the old portal that the tax-code step prefills and verifies against the business
 * registry — never written as verified. Read for organisations' and businesses' rows only; a malformed code is left
 * out ({@link #malformed()}, logged at DEBUG with the legacy id only) and the account works as without one.
 *
 * @param code      the valid code of the row, if it has one
 * @param malformed whether the row had a code that is not a valid tax code
 */
record LegacyTaxCode(Optional<TaxCode> code, boolean malformed) {

    /** The problem detail of the import's event when the row's code was malformed and left out. */
    static final String MALFORMED = "malformed-tax-code";
    /** No code: a citizen's row, a view without the column, a row without a code. */
    static final LegacyTaxCode NONE = new LegacyTaxCode(Optional.empty(), false);

    private static final Logger LOG = Logger.getLogger(LegacyTaxCode.class);

    /** Reads the column of the row with a legacy id ({@code LegacyAccountStore#taxCodeOf}). */
    @FunctionalInterface
    interface Column {

        /** For a view the code is not read from (nothing asks the database). */
        Column NOT_READ = legacyId -> Optional.empty();

        Optional<String> of(String legacyId);
    }

    /**
     * The code of an account's row. A citizen's row is not read at all; a legacy database that does not answer gives
     * no code (the login goes on without it).
     */
    static LegacyTaxCode read(LegacyAccount account, Column column) {
        if (!LegacyAccountTaxCode.isReadFor(account.type())) {
            return NONE;
        }
        Optional<String> text;
        try {
            text = column.of(account.legacyId());
        } catch (LegacyDatabaseUnavailableException e) {
            LOG.debugf("legacy account %s: tax code not read, the legacy database did not answer", account.legacyId());
            return NONE;
        }
        if (text.isEmpty() || text.get().isBlank()) {
            return NONE;
        }
        IdParseResult<TaxCode> parsed = TaxCode.parse(text.get());
        if (parsed.number().isEmpty()) {
            LOG.debugf("legacy account %s: its tax_code is malformed (%s) and left out", account.legacyId(),
                    parsed.errors().stream().map(IdNumberProblem::code).collect(Collectors.joining(",")));
            return new LegacyTaxCode(Optional.empty(), true);
        }
        return new LegacyTaxCode(parsed.number(), false);
    }

    /**
     * Writes the code as the user's {@link UserAttributes#TAX_CODE}, unverified:
     * {@link UserAttributes#TAX_CODE_VERIFIED} is never written, and a user whose code is verified keeps it.
     *
     * @return whether the code was written
     */
    boolean writeTo(UserModel user) {
        if (code.isEmpty() || "true".equals(user.getFirstAttribute(UserAttributes.TAX_CODE_VERIFIED))) {
            return false;
        }
        user.setSingleAttribute(UserAttributes.TAX_CODE, code.get().value());
        return true;
    }
}
