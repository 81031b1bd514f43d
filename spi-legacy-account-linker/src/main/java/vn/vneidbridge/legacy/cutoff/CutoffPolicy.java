package vn.vneidbridge.legacy.cutoff;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The cutoff dates of portal-account login by account type (Decree 59/2022/NĐ-CP: citizens from 01/07/2024,
 * organisations and businesses from 30/06/2025) and what happens after them. Before its date an account type
 * logs in as always; from the date on (the date itself included) the configured mode applies.
 */
record CutoffPolicy(LocalDate citizenDate, CutoffMode citizenMode,
                    LocalDate organisationDate, CutoffMode organisationMode) {

    /** The mode for an account of this legacy type (CITIZEN, ORGANISATION, BUSINESS; anything else is a citizen). */
    CutoffMode modeFor(String accountType, LocalDate today) {
        return isOrganisation(accountType)
                ? (today.isBefore(organisationDate) ? CutoffMode.NOTICE : organisationMode)
                : (today.isBefore(citizenDate) ? CutoffMode.NOTICE : citizenMode);
    }

    /** The cutoff date that applies to this account type. */
    LocalDate dateFor(String accountType) {
        return isOrganisation(accountType) ? organisationDate : citizenDate;
    }

    private static boolean isOrganisation(String accountType) {
        if (accountType == null) {
            return false;
        }
        String type = accountType.trim().toUpperCase(Locale.ROOT);
        return type.equals("ORGANISATION") || type.equals("BUSINESS");
    }
}
