package vn.vneidbridge.certificate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import vn.vneidbridge.core.id.CmndNumber;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.PersonalIdRules;
import vn.vneidbridge.core.id.TaxCode;

/**
 * Reads the holder id of a certificate's subject: every value of its {@code UID} attribute (in any RDN, multi-valued
 * ones included), each a prefix, a colon and a number ({@code CCCD:001090001234}, {@code CMND: 164438056},
 * {@code MST:0312345673}). The prefix is read without regard to case and a blank after the colon is allowed; the
 * number must be valid by the core rules: a person's is read by its length (12 digits the personal id, 9 the old
 * CMND) under either prefix. The common name, the e-mail and the rest of the subject are never read:
 * an account is found by the id the CA vouched for, never by a name. Pure; never throws for any subject.
 */
final class CertificateIds {

    /** The OID of {@code UID} (RFC 4519), as a subject written with an unknown keyword spells it. */
    static final String UID_OID = "0.9.2342.19200300.100.1.1";

    private CertificateIds() {
    }

    /** What the subject names. */
    sealed interface Reading permits One, NoId, Unsupported, Several, Malformed {
    }

    /** Exactly one accepted id (the same id written twice counts once). */
    record One(CertificateId id) implements Reading {
    }

    /** No {@code UID} with a prefix at all. */
    record NoId() implements Reading {
    }

    /** Only ids of kinds not accepted here: a passport ({@code HC:}), a budget unit ({@code MNS:}), another prefix. */
    record Unsupported() implements Reading {
    }

    /** Two different accepted ids (a person's and an organisation's, say): which account is meant is not clear. */
    record Several() implements Reading {
    }

    /** An accepted prefix with a number that is not valid: the certificate is not read at all. */
    record Malformed() implements Reading {
    }

    /**
     * The holder id of {@code subject}, of the {@code accepted} kinds. A person's id read from a subject that marks an
     * organisation anywhere else (a tax code or budget-unit code in another attribute, an
     * {@code organizationIdentifier}, 2.5.4.97) names no one: the key may be the organisation's, used by its staff
     * (review C5).
     */
    static Reading read(X500Principal subject, Set<CertificateId.Kind> accepted) {
        Reading reading = read(uidValues(subject), accepted);
        if (reading instanceof One one && one.id().kind() != CertificateId.Kind.MST && marksAnOrganisation(subject)) {
            return new Several();
        }
        return reading;
    }

    /** The OID of {@code organizationIdentifier} (ETSI EN 319 412-1), where some CAs write an organisation's code. */
    static final String ORGANIZATION_IDENTIFIER_OID = "2.5.4.97";

    /**
     * Whether any attribute of the subject names an organisation: a value starting {@code MST:} or {@code MNS:}
     * (in any case, after blanks), or an {@code organizationIdentifier}.
     */
    static boolean marksAnOrganisation(X500Principal subject) {
        if (subject == null) {
            return false;
        }
        try {
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253, Map.of(ORGANIZATION_IDENTIFIER_OID,
                    "ORGANIZATIONIDENTIFIER"))).getRdns()) {
                NamingEnumeration<? extends Attribute> attributes = rdn.toAttributes().getAll();
                while (attributes.hasMore()) {
                    Attribute attribute = attributes.next();
                    if ("ORGANIZATIONIDENTIFIER".equalsIgnoreCase(attribute.getID())
                            || ORGANIZATION_IDENTIFIER_OID.equals(attribute.getID())) {
                        return true;
                    }
                    NamingEnumeration<?> each = attribute.getAll();
                    while (each.hasMore()) {
                        if (each.next() instanceof String text) {
                            String upper = text.strip().toUpperCase(java.util.Locale.ROOT);
                            if (upper.startsWith("MST:") || upper.startsWith("MNS:")) {
                                return true;
                            }
                        }
                    }
                }
            }
        } catch (NamingException e) {
            return true; // not a name the JDK can read back: assume the worst
        }
        return false;
    }

    /**
     * The holder id among these {@code UID} values, of the {@code accepted} kinds. Which account the certificate
     * names is settled on every id it carries, accepted or not, before acceptance: an organisation's certificate
     * that also carries its representative's personal number names neither (whatever kinds a step accepts, so that
     * a company's key never opens the director's own account); a person's 12-digit number carried beside their old
     * CMND names the 12-digit number.
     */
    static Reading read(List<String> uidValues, Set<CertificateId.Kind> accepted) {
        Set<CertificateId> ids = new LinkedHashSet<>();
        boolean unsupported = false;
        for (String value : uidValues) {
            int colon = value.indexOf(':');
            if (colon <= 0) {
                continue; // a UID that is not a prefixed id (some CAs put an account name there)
            }
            Optional<CertificateId.Kind> kind = CertificateId.Kind.named(value.substring(0, colon));
            if (kind.isEmpty()) {
                unsupported = true; // a passport, a budget unit, another prefix
                continue;
            }
            Optional<CertificateId> id = parse(kind.get(), value.substring(colon + 1).strip());
            if (id.isEmpty()) {
                return new Malformed();
            }
            ids.add(id.get());
        }
        Optional<Reading> several = several(ids);
        if (several.isPresent()) {
            return several.get();
        }
        if (ids.isEmpty()) {
            return unsupported ? new Unsupported() : new NoId();
        }
        CertificateId id = ids.stream().filter(one -> one.kind() != CertificateId.Kind.CMND).findFirst()
                .orElse(ids.iterator().next());
        return accepted.contains(id.kind()) ? new One(id) : new Unsupported();
    }

    /**
     * {@link Several} when the ids name more than one holder: an organisation and a person, two organisations, two
     * 12-digit numbers, or two old CMNDs without a 12-digit number beside them.
     */
    private static Optional<Reading> several(Set<CertificateId> ids) {
        long organisations = ids.stream().filter(id -> id.kind() == CertificateId.Kind.MST).count();
        long personal = ids.stream().filter(id -> id.kind() == CertificateId.Kind.CCCD).count();
        long former = ids.stream().filter(id -> id.kind() == CertificateId.Kind.CMND).count();
        boolean person = personal + former > 0;
        if (organisations > 1 || organisations == 1 && person || personal > 1 || personal == 0 && former > 1) {
            return Optional.of(new Several());
        }
        return Optional.empty();
    }

    /**
     * A person's number is read by its length, whichever of the two prefixes carries it: CAs write the 12-digit
     * number after {@code CMND:} (the old card's name for it) and the old 9-digit CMND after {@code CCCD:} (VNPT
     * SmartCA's integration samples, docs/research/2026-12-06-remote-signing-login.md).
     */
    private static Optional<CertificateId> parse(CertificateId.Kind kind, String number) {
        if (kind == CertificateId.Kind.MST) {
            return TaxCode.parse(number).number().map(CertificateId.OrganisationId::new);
        }
        return number.length() == CmndNumber.LENGTH
                ? CmndNumber.parse(number).number().map(CertificateId.FormerId::new)
                : PersonalIdNumber.parse(number, PersonalIdRules.lenient()).number().map(CertificateId.PersonalId::new);
    }

    /**
     * Every value of the subject's {@code UID} attribute, in order, as text; a value the JDK can only give as bytes
     * (an unusual string type) is left out, as is everything else of the subject.
     */
    static List<String> uidValues(X500Principal subject) {
        List<String> values = new ArrayList<>();
        if (subject == null) {
            return values;
        }
        try {
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
                NamingEnumeration<? extends Attribute> attributes = rdn.toAttributes().getAll();
                while (attributes.hasMore()) {
                    Attribute attribute = attributes.next();
                    if (!"UID".equalsIgnoreCase(attribute.getID()) && !UID_OID.equals(attribute.getID())) {
                        continue;
                    }
                    NamingEnumeration<?> each = attribute.getAll();
                    while (each.hasMore()) {
                        if (each.next() instanceof String text) {
                            values.add(text);
                        }
                    }
                }
            }
        } catch (NamingException e) {
            return List.of(); // not a name the JDK can read back: no id
        }
        return values;
    }
}
