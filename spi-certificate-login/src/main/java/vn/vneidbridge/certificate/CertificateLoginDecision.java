package vn.vneidbridge.certificate;

import java.util.function.Function;

/**
 * Whom a certificate logs in, once its chain, validity and revocation were checked: the one account that holds the
 * subject's id verified (a verified CCCD; the old CMND beside a verified CCCD; a verified tax code for an
 * organisation's certificate), never by name, e-mail or phone. Pure: the accounts come from {@code holders}, which
 * the Keycloak step answers from Keycloak's users and the legacy database.
 */
final class CertificateLoginDecision {

    private CertificateLoginDecision() {
    }

    /** An account holding the id verified, as the decision needs it. */
    record Holder(String accountId, boolean administrator, boolean enabled) {
    }

    /** The accounts that hold an id verified. */
    sealed interface Holders permits NoHolder, OneHolder, SeveralHolders {
    }

    record NoHolder() implements Holders {
    }

    record OneHolder(Holder holder) implements Holders {
    }

    record SeveralHolders() implements Holders {
    }

    /** What the login does. */
    sealed interface Outcome permits LogIn, Refuse {
    }

    /** Log this account in. */
    record LogIn(String accountId) implements Outcome {
    }

    /** Log nobody in. */
    record Refuse(CertificateRefusal reason) implements Outcome {
    }

    static Outcome decide(CertificateIds.Reading reading, Function<CertificateId, Holders> holders) {
        if (reading instanceof CertificateIds.NoId) {
            return new Refuse(CertificateRefusal.NO_ID);
        }
        if (reading instanceof CertificateIds.Unsupported) {
            return new Refuse(CertificateRefusal.UNSUPPORTED_ID);
        }
        if (reading instanceof CertificateIds.Malformed) {
            return new Refuse(CertificateRefusal.MALFORMED_ID);
        }
        if (reading instanceof CertificateIds.Several) {
            return new Refuse(CertificateRefusal.SEVERAL_IDS);
        }
        CertificateId id = ((CertificateIds.One) reading).id();
        Holders found = holders.apply(id);
        if (found instanceof NoHolder) {
            return new Refuse(CertificateRefusal.NO_ACCOUNT);
        }
        if (found instanceof SeveralHolders) {
            return new Refuse(CertificateRefusal.SEVERAL_ACCOUNTS);
        }
        Holder holder = ((OneHolder) found).holder();
        if (holder.administrator()) {
            return new Refuse(CertificateRefusal.ADMINISTRATOR);
        }
        if (!holder.enabled()) {
            return new Refuse(CertificateRefusal.ACCOUNT_DISABLED);
        }
        return new LogIn(holder.accountId());
    }
}
