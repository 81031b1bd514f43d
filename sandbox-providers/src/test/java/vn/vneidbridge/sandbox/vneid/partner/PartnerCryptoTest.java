package vn.vneidbridge.sandbox.vneid.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The stand-in's encryption, opened here the way a relying party opens it (plain JDK, written from the contract). */
class PartnerCryptoTest {

    private static final KeyPair RP = rsa();
    private final PartnerCrypto crypto = new PartnerCrypto(new SecureRandom());
    private static final String MESSAGE = "{\"fullName\":\"Nguyễn Văn An\",\"accountLevel\":\"2\"}";

    @Nested
    class GivenEcb {

        @Test
        void thenTheRelyingPartysPrivateKeyOpensTheMessage() throws Exception {
            PartnerCrypto.Sealed sealed = crypto.seal(MESSAGE, RP.getPublic(), AesMode.ECB);

            assertThat(open(sealed, RP.getPrivate(), AesMode.ECB)).isEqualTo(MESSAGE);
        }

        @Test
        void thenTheKeyIsTheBase64TextOfA32ByteAesKey() throws Exception {
            byte[] keyText = unwrap(crypto.seal(MESSAGE, RP.getPublic(), AesMode.ECB).key(), RP.getPrivate());

            assertThat(new String(keyText, StandardCharsets.US_ASCII)).matches("[A-Za-z0-9+/]{43}=");
            assertThat(Base64.getDecoder().decode(keyText)).hasSize(32);
        }

        @Test
        void thenEveryMessageHasAFreshKey() throws Exception {
            PartnerCrypto.Sealed one = crypto.seal(MESSAGE, RP.getPublic(), AesMode.ECB);
            PartnerCrypto.Sealed two = crypto.seal(MESSAGE, RP.getPublic(), AesMode.ECB);

            assertThat(unwrap(one.key(), RP.getPrivate())).isNotEqualTo(unwrap(two.key(), RP.getPrivate()));
            assertThat(one.data()).isNotEqualTo(two.data());
        }

        @Test
        void thenAnotherKeyPairCannotOpenIt() {
            PartnerCrypto.Sealed sealed = crypto.seal(MESSAGE, RP.getPublic(), AesMode.ECB);

            assertThatThrownBy(() -> open(sealed, rsa().getPrivate(), AesMode.ECB)).isInstanceOf(Exception.class);
        }
    }

    @Nested
    class GivenCbc {

        @Test
        void thenTheDataStartsWithARandomIvAndOpensWithIt() throws Exception {
            PartnerCrypto.Sealed one = crypto.seal(MESSAGE, RP.getPublic(), AesMode.CBC);
            PartnerCrypto.Sealed two = crypto.seal(MESSAGE, RP.getPublic(), AesMode.CBC);

            assertThat(open(one, RP.getPrivate(), AesMode.CBC)).isEqualTo(MESSAGE);
            assertThat(Arrays.copyOf(Base64.getDecoder().decode(one.data()), 16))
                    .isNotEqualTo(Arrays.copyOf(Base64.getDecoder().decode(two.data()), 16));
        }

        @Test
        void thenOpeningItAsEcbDoesNotGiveTheMessage() {
            PartnerCrypto.Sealed sealed = crypto.seal(MESSAGE, RP.getPublic(), AesMode.CBC);

            String asEcb;
            try {
                asEcb = open(sealed, RP.getPrivate(), AesMode.ECB);
            } catch (Exception e) {
                asEcb = null;
            }
            assertThat(asEcb).isNotEqualTo(MESSAGE);
        }
    }

    @Nested
    class GivenTheRelyingPartysPem {

        @Test
        void thenASubjectPublicKeyInfoPemIsRead() {
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(RP.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";

            assertThat(PartnerCrypto.publicKeyFromPem(pem)).isEqualTo(RP.getPublic());
        }

        @Test
        void thenAPrivateKeyOrGarbageIsRefused() {
            String privatePem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getEncoder().encodeToString(RP.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";

            assertThatThrownBy(() -> PartnerCrypto.publicKeyFromPem(privatePem)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PartnerCrypto.publicKeyFromPem("<html>404</html>"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PartnerCrypto.publicKeyFromPem(
                    "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class GivenTheModeSetting {

        @Test
        void thenAbsentIsEcbAndCaseDoesNotMatter() {
            assertThat(AesMode.of(null)).isEqualTo(AesMode.ECB);
            assertThat(AesMode.of(" ")).isEqualTo(AesMode.ECB);
            assertThat(AesMode.of("cbc")).isEqualTo(AesMode.CBC);
        }

        @Test
        void thenAnUnknownModeIsRefused() {
            assertThatThrownBy(() -> AesMode.of("GCM")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    static String open(PartnerCrypto.Sealed sealed, PrivateKey key, AesMode mode) throws Exception {
        byte[] aesKey = Base64.getDecoder().decode(unwrap(sealed.key(), key));
        byte[] data = Base64.getDecoder().decode(sealed.data());
        Cipher aes = Cipher.getInstance(mode == AesMode.CBC ? "AES/CBC/PKCS5Padding" : "AES/ECB/PKCS5Padding");
        if (mode == AesMode.CBC) {
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(data, 0, 16));
            return new String(aes.doFinal(data, 16, data.length - 16), StandardCharsets.UTF_8);
        }
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"));
        return new String(aes.doFinal(data), StandardCharsets.UTF_8);
    }

    private static byte[] unwrap(String key, PrivateKey privateKey) throws Exception {
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, privateKey);
        return rsa.doFinal(Base64.getDecoder().decode(key));
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
