package vn.vneidbridge.certificate;

import vn.vneidbridge.core.id.CmndNumber;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.TaxCode;

/**
 * The holder id a Vietnamese certificate's subject names in its {@code UID} attribute: a person's 12-digit personal
 * id ({@code CCCD:}, or {@code CMND:} followed by 12 digits, the same number), a person's old 9-digit CMND
 * ({@code CMND:}), or an organisation's tax code ({@code MST:}).
 */
sealed interface CertificateId permits CertificateId.PersonalId, CertificateId.FormerId, CertificateId.OrganisationId {

    /** The kinds of holder id, named as a certificate's prefix and an execution's setting name them. */
    enum Kind {
        CCCD, CMND, MST;

        /** The kind of this name, in any case and with surrounding blanks; empty for any other name. */
        static java.util.Optional<Kind> named(String name) {
            String upper = name.strip().toUpperCase(java.util.Locale.ROOT);
            return java.util.Arrays.stream(values()).filter(kind -> kind.name().equals(upper)).findFirst();
        }
    }

    Kind kind();

    /** A person's 12-digit personal id number. */
    record PersonalId(PersonalIdNumber number) implements CertificateId {
        @Override
        public Kind kind() {
            return Kind.CCCD;
        }
    }

    /** A person's old 9-digit CMND: the account must hold it beside a verified 12-digit number. */
    record FormerId(CmndNumber number) implements CertificateId {
        @Override
        public Kind kind() {
            return Kind.CMND;
        }
    }

    /** An organisation's tax code (mã số thuế), a head office's or a branch's. */
    record OrganisationId(TaxCode code) implements CertificateId {
        @Override
        public Kind kind() {
            return Kind.MST;
        }
    }
}
