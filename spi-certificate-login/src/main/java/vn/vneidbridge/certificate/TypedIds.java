package vn.vneidbridge.certificate;

import java.util.Optional;
import vn.vneidbridge.core.id.CmndNumber;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.PersonalIdRules;
import vn.vneidbridge.core.id.TaxCode;

/**
 * The id a citizen types to ask a remote-signing provider for a signature ("Số định danh cá nhân / Số CMND / Mã số
 * thuế"), and whether the certificate that signed names that same holder. The typed number only routes the request:
 * the login is the certificate's, and a certificate of anyone else (the provider's mistake, a relative's
 * subscription) logs nobody in.
 */
final class TypedIds {

    private TypedIds() {
    }

    /** A 12-digit personal id, a 9-digit CMND, or a tax code; empty for anything else. */
    static Optional<CertificateId> read(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() == PersonalIdNumber.LENGTH && text.chars().allMatch(Character::isDigit)) {
            return PersonalIdNumber.parse(text, PersonalIdRules.lenient()).number()
                    .map(CertificateId.PersonalId::new);
        }
        if (text.length() == CmndNumber.LENGTH) {
            return CmndNumber.parse(text).number().map(CertificateId.FormerId::new);
        }
        return TaxCode.parse(text).number().map(CertificateId.OrganisationId::new);
    }

    /**
     * Whether the certificate's id is the typed one: the same kind and the same number (a tax code with its branch
     * suffix, if any).
     */
    static boolean same(CertificateId typed, CertificateId certificate) {
        return typed != null && typed.equals(certificate);
    }

    /** The number as it is sent to the provider: the digits, or the tax code with its branch suffix. */
    static String number(CertificateId id) {
        if (id instanceof CertificateId.PersonalId personal) {
            return personal.number().value();
        }
        if (id instanceof CertificateId.FormerId former) {
            return former.number().value();
        }
        return ((CertificateId.OrganisationId) id).code().value();
    }
}
