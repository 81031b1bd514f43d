package vn.vneidbridge.sandbox.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * The sandbox's own certificate authority for "Usb ký số": a root standing in for the national root CA (NEAC), an
 * issuing CA under it standing in for a licensed CA, a second issuing CA that the root has revoked (a licence
 * withdrawn: what a check of the leaf alone misses, review F4), the personas' certificates in PKCS#12 files (PIN
 * {@link #PIN}), the HTTPS listener's certificate, and a foreign root with a certificate of its own (what a CA
 * Keycloak was not told to trust issues). Every subject says it is a test CA: nothing here is a real certificate.
 *
 * <p>Generated afresh at every start into one folder. The CA keys stay in this object and never reach a file; it
 * signs each CA's revocation list on request ({@link #crlAt}), so a sandbox that runs for days still serves fresh
 * CRLs (review F13).
 */
public final class SandboxCertificateAuthority {

    /** The PIN of every PKCS#12 file, as the personas' password. */
    public static final String PIN = "Sandbox@123";
    /** The password of {@code client-cas.p12}, the HTTPS listener's trust store (a sandbox value, not a secret). */
    public static final String TRUST_STORE_PASSWORD = "sandbox-trust";
    /** The organisation every subject of the sandbox CA carries, so that no one mistakes it for a real one. */
    static final String TEST_MARK = "VNeID Bridge sandbox - TEST CA - NOT FOR REAL USE";
    /** The issuing CA's CRL on the CRL server; each person's certificate it issued names it. */
    public static final String CRL_PATH = "/crl/sandbox-ca.crl";
    /** The root's CRL (an ARL: it lists CAs); each issuing CA's certificate names it. */
    public static final String ROOT_CRL_PATH = "/crl/sandbox-root.crl";
    /** The revoked issuing CA's own CRL, empty, so that its persona fails on the CA's revocation only. */
    public static final String REVOKED_CA_CRL_PATH = "/crl/sandbox-ca-revoked.crl";

    /** The files of {@link #dir()} that a server's configuration names (certificates in PEM, keys in PKCS#8 PEM). */
    public static final String ROOT_PEM = "root.pem";
    public static final String ISSUING_PEM = "issuing.pem";
    public static final String REVOKED_ISSUING_PEM = "issuing-revoked.pem";
    public static final String SERVER_PEM = "server.pem";
    public static final String SERVER_KEY_PEM = "server-key.pem";
    /** The HTTPS listener's trust store, PKCS#12, password {@link #TRUST_STORE_PASSWORD}. */
    public static final String CLIENT_CAS_P12 = "client-cas.p12";

    /** What a persona's certificate is for. */
    public enum Kind {
        /** Valid, issued by the sandbox CA. */
        VALID,
        /** Issued by the sandbox CA and listed in its CRL. */
        REVOKED,
        /** Issued by the sandbox CA, its validity over. */
        EXPIRED,
        /** Issued under the foreign root. */
        FOREIGN,
        /** Valid itself, issued by the second issuing CA, which the root's CRL lists. */
        REVOKED_CA,
    }

    /**
     * A persona's certificate.
     *
     * @param file       the PKCS#12 file's name
     * @param commonName the holder's name, as a CA writes it (upper case)
     * @param uid        the {@code UID} value ({@code CCCD:…}, {@code CMND:…}, {@code MST:…}), or null for none
     */
    public record Persona(String file, String commonName, String uid, Kind kind) {
    }

    /** The personas of the README's table. */
    public static final List<Persona> PERSONAS = List.of(
            new Persona("an.p12", "NGUYỄN VĂN AN", "CCCD:001090001234", Kind.VALID),
            new Persona("nga-cmnd.p12", "TÔ THỊ NGA", "CMND:164438056", Kind.VALID),
            new Persona("nga.p12", "TÔ THỊ NGA", "CCCD:052189000123", Kind.VALID),
            new Persona("congtyabc.p12", "CÔNG TY TNHH ABC", "MST:0312345673", Kind.VALID),
            new Persona("binh.p12", "TRẦN VĂN BÌNH", "CCCD:042085007890", Kind.VALID),
            new Persona("an-revoked.p12", "NGUYỄN VĂN AN", "CCCD:001090001234", Kind.REVOKED),
            new Persona("an-expired.p12", "NGUYỄN VĂN AN", "CCCD:001090001234", Kind.EXPIRED),
            new Persona("an-foreign.p12", "NGUYỄN VĂN AN", "CCCD:001090001234", Kind.FOREIGN),
            new Persona("an-no-id.p12", "NGUYỄN VĂN AN", null, Kind.VALID),
            new Persona("an-revoked-ca.p12", "NGUYỄN VĂN AN", "CCCD:001090001234", Kind.REVOKED_CA));

    private static final Duration VALIDITY = Duration.ofDays(2 * 365);

    private final Path dir;
    private final String crlBase;
    private final X509Certificate foreignRoot;
    private final Map<String, X509Certificate> personas;
    /** Keys: {@link #CRL_PATH}, {@link #ROOT_CRL_PATH}, {@link #REVOKED_CA_CRL_PATH}. */
    private final Map<String, CrlIssuer> crlIssuers;

    private SandboxCertificateAuthority(Path dir, String crlBase, X509Certificate foreignRoot,
                                        Map<String, CrlIssuer> crlIssuers, Map<String, X509Certificate> personas) {
        this.dir = dir;
        this.crlBase = crlBase;
        this.foreignRoot = foreignRoot;
        this.crlIssuers = Map.copyOf(crlIssuers);
        this.personas = Map.copyOf(personas);
    }

    /**
     * Deletes the {@code *.p12}, {@code *.pem} and {@code *.crl} files an earlier start left in {@code dir}, then
     * generates the CAs, the personas' files and the HTTPS listener's key into it: {@code root.pem},
     * {@code issuing.pem}, {@code issuing-revoked.pem}, {@code foreign-root.pem}; {@code client-cas.pem} and
     * {@code client-cas.p12} (password {@link #TRUST_STORE_PASSWORD}), the CAs a TLS listener names when it asks for
     * a client certificate: both issuing CAs, the root and the foreign root, so that a foreign or revoked CA's
     * certificate reaches Keycloak and is refused there with a message; {@code server.pem} and
     * {@code server-key.pem}; one PKCS#12 file per {@link #PERSONAS persona}. Key files are owner-only.
     *
     * @param crlBase the CRL server's base URI, e.g. {@code http://127.0.0.1:8084}; the certificates name
     *                {@link #CRL_PATH}, {@link #ROOT_CRL_PATH} and {@link #REVOKED_CA_CRL_PATH} on it
     */
    public static SandboxCertificateAuthority generate(Path dir, URI crlBase, Clock clock) throws IOException {
        String base = crlBase.toString().replaceAll("/+$", "");
        try {
            Files.createDirectories(dir);
            CaFiles.clean(dir);
            Instant now = clock.instant();
            Instant notBefore = now.minus(Duration.ofDays(1));
            Instant revokedAt = now.minus(Duration.ofHours(1));
            URI rootCrl = URI.create(base + ROOT_CRL_PATH);

            KeyPair rootKey = CertificateBuilders.rsa();
            X509Certificate root = CertificateBuilders.sign(CertificateBuilders.ca(
                    CertificateBuilders.name("VNeID Bridge sandbox root CA (NEAC stand-in)", null), rootKey.getPublic(),
                    null, null, notBefore, now.plus(VALIDITY.multipliedBy(5)), -1), rootKey.getPrivate());
            KeyPair issuingKey = CertificateBuilders.rsa();
            X509Certificate issuing = CertificateBuilders.sign(CertificateBuilders.ca(
                    CertificateBuilders.name("VNeID Bridge sandbox CA ký số", null), issuingKey.getPublic(), root,
                    rootCrl, notBefore, now.plus(VALIDITY.multipliedBy(4)), 0), rootKey.getPrivate());
            KeyPair revokedCaKey = CertificateBuilders.rsa();
            X509Certificate revokedCa = CertificateBuilders.sign(CertificateBuilders.ca(
                    CertificateBuilders.name("VNeID Bridge sandbox CA ký số (đã thu hồi)", null),
                    revokedCaKey.getPublic(), root, rootCrl, notBefore, now.plus(VALIDITY.multipliedBy(4)), 0),
                    rootKey.getPrivate());
            KeyPair foreignKey = CertificateBuilders.rsa();
            X509Certificate foreignRoot = CertificateBuilders.sign(CertificateBuilders.ca(
                    CertificateBuilders.name("VNeID Bridge sandbox foreign CA (not trusted for logins)", null),
                    foreignKey.getPublic(), null, null, notBefore, now.plus(VALIDITY.multipliedBy(5)), 0),
                    foreignKey.getPrivate());

            Map<String, X509Certificate> issued = new LinkedHashMap<>();
            List<BigInteger> revokedPersons = new ArrayList<>();
            for (Persona persona : PERSONAS) {
                KeyPair key = CertificateBuilders.rsa();
                Instant from = persona.kind() == Kind.EXPIRED ? now.minus(VALIDITY) : notBefore;
                Instant to = persona.kind() == Kind.EXPIRED ? now.minus(Duration.ofDays(1)) : now.plus(VALIDITY);
                X509Certificate certificate;
                Certificate[] chain;
                switch (persona.kind()) {
                    case FOREIGN -> {
                        certificate = CertificateBuilders.sign(CertificateBuilders.person(persona, foreignRoot,
                                key.getPublic(), from, to, URI.create(base + CRL_PATH)), foreignKey.getPrivate());
                        chain = new Certificate[] {certificate, foreignRoot};
                    }
                    case REVOKED_CA -> {
                        certificate = CertificateBuilders.sign(CertificateBuilders.person(persona, revokedCa,
                                key.getPublic(), from, to, URI.create(base + REVOKED_CA_CRL_PATH)),
                                revokedCaKey.getPrivate());
                        chain = new Certificate[] {certificate, revokedCa, root};
                    }
                    default -> {
                        certificate = CertificateBuilders.sign(CertificateBuilders.person(persona, issuing,
                                key.getPublic(), from, to, URI.create(base + CRL_PATH)), issuingKey.getPrivate());
                        chain = new Certificate[] {certificate, issuing, root};
                    }
                }
                if (persona.kind() == Kind.REVOKED) {
                    revokedPersons.add(certificate.getSerialNumber());
                }
                issued.put(persona.file(), certificate);
                CaFiles.pkcs12(dir.resolve(persona.file()), key.getPrivate(), chain, PIN);
            }

            KeyPair serverKey = CertificateBuilders.rsa();
            X509Certificate server = CertificateBuilders.sign(CertificateBuilders.server(issuing, serverKey.getPublic(),
                    notBefore, now.plus(VALIDITY)), issuingKey.getPrivate());
            CaFiles.pem(dir.resolve(ROOT_PEM), root);
            CaFiles.pem(dir.resolve(ISSUING_PEM), issuing);
            CaFiles.pem(dir.resolve(REVOKED_ISSUING_PEM), revokedCa);
            CaFiles.pem(dir.resolve("foreign-root.pem"), foreignRoot);
            CaFiles.pem(dir.resolve("client-cas.pem"), issuing, revokedCa, root, foreignRoot);
            Map<String, X509Certificate> clientCas = new LinkedHashMap<>();
            clientCas.put("sandbox-ca", issuing);
            clientCas.put("sandbox-ca-revoked", revokedCa);
            clientCas.put("sandbox-root", root);
            clientCas.put("sandbox-foreign-root", foreignRoot);
            CaFiles.trustStore(dir.resolve(CLIENT_CAS_P12), clientCas, TRUST_STORE_PASSWORD);
            CaFiles.pem(dir.resolve(SERVER_PEM), server, issuing);
            CaFiles.privateKeyPem(dir.resolve(SERVER_KEY_PEM), serverKey.getPrivate());

            Map<String, CrlIssuer> crlIssuers = Map.of(
                    CRL_PATH, new CrlIssuer(issuing, issuingKey.getPrivate(), revokedPersons, revokedAt),
                    ROOT_CRL_PATH, new CrlIssuer(root, rootKey.getPrivate(), List.of(revokedCa.getSerialNumber()),
                            revokedAt),
                    REVOKED_CA_CRL_PATH, new CrlIssuer(revokedCa, revokedCaKey.getPrivate(), List.of(), revokedAt));
            return new SandboxCertificateAuthority(dir, base, foreignRoot, crlIssuers, issued);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the sandbox CA could not be generated", e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The NEAC stand-in. */
    public X509Certificate root() {
        return crlIssuers.get(ROOT_CRL_PATH).certificate();
    }

    /** The issuing CA of the personas (but the foreign and revoked-CA ones) and of the HTTPS listener. */
    public X509Certificate issuing() {
        return crlIssuers.get(CRL_PATH).certificate();
    }

    /** The second issuing CA, listed in the root's CRL. */
    public X509Certificate revokedIssuing() {
        return crlIssuers.get(REVOKED_CA_CRL_PATH).certificate();
    }

    public X509Certificate foreignRoot() {
        return foreignRoot;
    }

    /** The {@link #issuing()} CA's CRL, signed now: the {@link Kind#REVOKED} personas. */
    public X509CRL issuingCrl(Instant now) {
        return crlIssuers.get(CRL_PATH).sign(now);
    }

    /** The root's CRL, signed now: the {@link #revokedIssuing()} CA. */
    public X509CRL rootCrl(Instant now) {
        return crlIssuers.get(ROOT_CRL_PATH).sign(now);
    }

    /** The {@link #revokedIssuing()} CA's CRL, signed now: empty. */
    public X509CRL revokedIssuingCrl(Instant now) {
        return crlIssuers.get(REVOKED_CA_CRL_PATH).sign(now);
    }

    /**
     * The CRL that certificates name at {@code path} on the CRL server ({@link #CRL_PATH}, {@link #ROOT_CRL_PATH},
     * {@link #REVOKED_CA_CRL_PATH}), signed now; empty for any other path.
     */
    public Optional<X509CRL> crlAt(String path, Instant now) {
        return Optional.ofNullable(crlIssuers.get(path)).map(issuer -> issuer.sign(now));
    }

    /**
     * The root's pin: the SHA-256 of its DER encoding, lower-case hex without separators, the form a realm's
     * certificate step takes its pinned roots in.
     */
    public String rootPin() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(root().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 of the sandbox root", e);
        }
    }

    /**
     * A certificate the {@link #issuing()} CA issues now for a test's own account, in memory: a PKCS#12 key store
     * (PIN {@link #PIN}) holding the key and the chain up to the root, as a token holds them. {@code uid} is the
     * subject's {@code UID} (e.g. {@code CCCD:001090001234}), or null for none. Not in the CRL.
     */
    public KeyStore issue(String commonName, String uid) {
        try {
            Instant now = Instant.now();
            CrlIssuer issuing = crlIssuers.get(CRL_PATH);
            KeyPair key = CertificateBuilders.rsa();
            X509Certificate certificate = CertificateBuilders.sign(CertificateBuilders.person(
                    new Persona("issued", commonName, uid, Kind.VALID), issuing.certificate(), key.getPublic(),
                    now.minus(Duration.ofDays(1)), now.plus(VALIDITY), URI.create(crlBase + CRL_PATH)), issuing.key());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("sandbox", key.getPrivate(), PIN.toCharArray(),
                    new Certificate[] {certificate, issuing.certificate(), root()});
            return store;
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("the sandbox CA could not issue a certificate", e);
        }
    }

    /** A persona's certificate, by its file's name. */
    public X509Certificate certificate(String file) {
        X509Certificate certificate = personas.get(file);
        if (certificate == null) {
            throw new IllegalArgumentException("no persona certificate " + file);
        }
        return certificate;
    }

    /** A persona's PKCS#12 file, by its name. */
    public Path file(String file) {
        certificate(file);
        return dir.resolve(file);
    }
}
