package vn.vneidbridge.certificate.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** The phone's signature must be the certificate's key over this login's challenge, in the configured scheme. */
class RemoteSignatureCheckTest {

    private static final LoginChallenge CHALLENGE = LoginChallenge.of(new LoginChallenge.Fields("dvc", "dvcqg-portal",
            "https://dichvucong.gov.vn/realms/dvc", "root", "tab", new byte[32], Instant.parse("2026-12-07T01:00:00Z")));

    private static KeyPair keys(String algorithm, int size) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(size);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(KeyPair key, String signer) throws Exception {
        X500Name name = new X500Name("CN=TEST, UID=CCCD:001090001234");
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                new Date(), new Date(System.currentTimeMillis() + 86_400_000L), name, key.getPublic())
                .build(new JcaContentSignerBuilder(signer).build(key.getPrivate())));
    }

    private static byte[] sign(KeyPair key, String algorithm, byte[] bytes) throws Exception {
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key.getPrivate());
        signer.update(bytes);
        return signer.sign();
    }

    @Test
    void thenTheCertificatesKeyOverThisChallengeVerifiesInEitherScheme() throws Exception {
        KeyPair rsa = keys("RSA", 2048);
        KeyPair ec = keys("EC", 256);

        assertThat(RemoteSignatureCheck.verifies(CHALLENGE, sign(rsa, "SHA256withRSA", CHALLENGE.bytes()),
                certificate(rsa, "SHA256withRSA"), SignatureScheme.RSA_PKCS1_SHA256)).isTrue();
        assertThat(RemoteSignatureCheck.verifies(CHALLENGE, sign(ec, "SHA256withECDSA", CHALLENGE.bytes()),
                certificate(ec, "SHA256withECDSA"), SignatureScheme.ECDSA_SHA256)).isTrue();
    }

    @Test
    void thenASignatureOverAnyOtherTextOrByAnotherKeyFails() throws Exception {
        KeyPair rsa = keys("RSA", 2048);
        KeyPair other = keys("RSA", 2048);
        X509Certificate leaf = certificate(rsa, "SHA256withRSA");

        assertThat(RemoteSignatureCheck.verifies(CHALLENGE, sign(rsa, "SHA256withRSA",
                "a contract".getBytes(StandardCharsets.UTF_8)), leaf, SignatureScheme.RSA_PKCS1_SHA256)).isFalse();
        assertThat(RemoteSignatureCheck.verifies(CHALLENGE, sign(other, "SHA256withRSA", CHALLENGE.bytes()), leaf,
                SignatureScheme.RSA_PKCS1_SHA256)).isFalse();
    }

    @Test
    void thenTheSchemeIsTheAdaptersNeverTheKeysAndAMismatchFails() throws Exception {
        KeyPair rsa = keys("RSA", 2048);

        assertThat(RemoteSignatureCheck.verifies(CHALLENGE, sign(rsa, "SHA256withRSA", CHALLENGE.bytes()),
                certificate(rsa, "SHA256withRSA"), SignatureScheme.ECDSA_SHA256)).isFalse();
        assertThat(SignatureScheme.named(" RSA-PKCS1-SHA256 ")).contains(SignatureScheme.RSA_PKCS1_SHA256);
        assertThat(SignatureScheme.named("none")).isEmpty();
    }

    @Test
    void thenGarbageIsNoSignature() throws Exception {
        KeyPair rsa = keys("RSA", 2048);
        X509Certificate leaf = certificate(rsa, "SHA256withRSA");

        assertThat(RemoteSignatureCheck.verifies(CHALLENGE, new byte[0], leaf, SignatureScheme.RSA_PKCS1_SHA256))
                .isFalse();
        assertThat(RemoteSignatureCheck.verifies(CHALLENGE, new byte[] {1, 2, 3}, leaf,
                SignatureScheme.RSA_PKCS1_SHA256)).isFalse();
        assertThat(RemoteSignatureCheck.verifies(CHALLENGE, null, leaf, SignatureScheme.RSA_PKCS1_SHA256)).isFalse();
    }
}
