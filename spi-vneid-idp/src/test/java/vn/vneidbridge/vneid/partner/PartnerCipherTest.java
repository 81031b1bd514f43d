package vn.vneidbridge.vneid.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartnerCipherTest {

    private static final KeyPair CURRENT = Envelopes.rsa();
    private static final KeyPair PREVIOUS = Envelopes.rsa();
    private static final KeyPair FOREIGN = Envelopes.rsa();
    private static final PartnerDecryption.Refused UNREADABLE =
            new PartnerDecryption.Refused(PartnerDecryption.Refused.UNREADABLE);

    private static PartnerCipher cipher(PartnerAesMode mode) {
        return new PartnerCipher(List.of(CURRENT.getPrivate(), PREVIOUS.getPrivate()), mode);
    }

    private static String text(PartnerDecryption decryption) {
        assertThat(decryption).isInstanceOf(PartnerDecryption.Decrypted.class);
        return new String(((PartnerDecryption.Decrypted) decryption).plaintext(), StandardCharsets.UTF_8);
    }

    @Nested
    class GivenWhatVneidSends {

        @ParameterizedTest
        @EnumSource(PartnerAesMode.class)
        void thenTheBase64TextOfTheAesKeyDecrypts(PartnerAesMode mode) {
            byte[] aes = Envelopes.aesKey(32);
            assertThat(text(cipher(mode).decrypt(Envelopes.wrapAsText(CURRENT.getPublic(), aes),
                    Envelopes.encrypt(aes, mode, "mã-ủy-quyền")))).isEqualTo("mã-ủy-quyền");
        }

        @ParameterizedTest
        @ValueSource(ints = {16, 24, 32})
        void thenRawAesKeyBytesOfEveryLengthDecrypt(int length) {
            byte[] aes = Envelopes.aesKey(length);
            assertThat(text(cipher(PartnerAesMode.ECB).decrypt(Envelopes.wrap(CURRENT.getPublic(), aes),
                    Envelopes.encrypt(aes, PartnerAesMode.ECB, "code")))).isEqualTo("code");
        }

        @Test
        void thenWhatWasEncryptedToThePreviousKeyStillDecrypts() {
            byte[] aes = Envelopes.aesKey(32);
            assertThat(text(cipher(PartnerAesMode.ECB).decrypt(Envelopes.wrapAsText(PREVIOUS.getPublic(), aes),
                    Envelopes.encrypt(aes, PartnerAesMode.ECB, "rotated")))).isEqualTo("rotated");
        }
    }

    @Nested
    class GivenBadInput {

        private final byte[] aes = Envelopes.aesKey(32);
        private final String key = Envelopes.wrapAsText(CURRENT.getPublic(), aes);
        private static final String PLAINTEXT = "{\"access_token\":\"t\"}";
        private final String data = Envelopes.encrypt(aes, PartnerAesMode.ECB, PLAINTEXT);

        /**
         * Unreadable — or, once in 256 when AES ran under the implicit-rejection key and its padding check passed by
         * chance, bytes that are not the plaintext (which the code check then refuses: {@code PartnerAnswers}).
         * Either way nothing of the plaintext comes out, and nothing throws.
         */
        private void assertNothingRead(PartnerDecryption result) {
            if (result instanceof PartnerDecryption.Decrypted decrypted) {
                assertThat(new String(decrypted.plaintext(), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .isNotEqualTo(PLAINTEXT);
            } else {
                assertThat(result).isEqualTo(UNREADABLE);
            }
        }

        @Test
        void thenTamperedCiphertextIsUnreadable() {
            byte[] bytes = Base64.getDecoder().decode(data);
            bytes[bytes.length - 1] ^= 0x5a;
            assertNothingRead(cipher(PartnerAesMode.ECB).decrypt(key, Base64.getEncoder().encodeToString(bytes)));
        }

        @Test
        void thenTruncatedCiphertextIsUnreadable() {
            assertNothingRead(cipher(PartnerAesMode.ECB).decrypt(key, data.substring(0, data.length() / 2)));
        }

        @Test
        void thenAKeyWrappedForAnotherRelyingPartyIsUnreadable() {
            assertNothingRead(cipher(PartnerAesMode.ECB).decrypt(Envelopes.wrapAsText(FOREIGN.getPublic(), aes), data));
        }

        @Test
        void thenTheWrongAesModeIsUnreadable() {
            assertNothingRead(cipher(PartnerAesMode.CBC).decrypt(key, data));
        }

        @Test
        void thenJunkBase64AndNullsAreUnreadableAndNeverThrow() {
            PartnerCipher cipher = cipher(PartnerAesMode.ECB);
            assertNothingRead(cipher.decrypt("%%%not base64", data));
            assertNothingRead(cipher.decrypt(key, "***"));
            assertNothingRead(cipher.decrypt(null, null));
            assertNothingRead(cipher.decrypt("", ""));
        }

        @Test
        void thenARealmWithoutKeyRefusesAsNotConfigured() {
            assertThat(new PartnerCipher(List.of(), PartnerAesMode.ECB).decrypt(key, data))
                    .isEqualTo(new PartnerDecryption.Refused(PartnerDecryption.Refused.NO_KEY));
        }
    }

    /**
     * No Bleichenbacher oracle: a wrapped key with broken PKCS#1 padding, one with good padding but no AES key inside,
     * and one with a good AES key but foreign data all give the same refusal (implicit rejection).
     */
    @Nested
    class GivenAnAttackerChoosingTheWrappedKey {

        private final byte[] aes = Envelopes.aesKey(32);
        private final String data = Envelopes.encrypt(Envelopes.aesKey(32), PartnerAesMode.ECB, "someone else's");

        @Test
        void thenBadPaddingGoodPaddingAndAWrongKeyAreIndistinguishable() {
            PartnerCipher cipher = cipher(PartnerAesMode.ECB);
            byte[] broken = Base64.getDecoder().decode(Envelopes.wrapAsText(CURRENT.getPublic(), aes));
            broken[0] ^= 0x01;
            PartnerDecryption badPadding = cipher.decrypt(Base64.getEncoder().encodeToString(broken), data);
            PartnerDecryption noAesKeyInside = cipher.decrypt(
                    Envelopes.wrap(CURRENT.getPublic(), "not a key".getBytes(StandardCharsets.US_ASCII)), data);
            PartnerDecryption wrongAesKey = cipher.decrypt(Envelopes.wrapAsText(CURRENT.getPublic(), aes), data);
            // each is refused, or (1 in 256: a random key's last block passes the AES padding check) garbage; never
            // the sender's text, and never a refusal of its own kind that would tell the three apart
            for (PartnerDecryption result : List.of(badPadding, noAesKeyInside, wrongAesKey)) {
                if (result instanceof PartnerDecryption.Decrypted decrypted) {
                    assertThat(new String(decrypted.plaintext(), StandardCharsets.UTF_8)).isNotEqualTo("someone else's");
                } else {
                    assertThat(result).isEqualTo(UNREADABLE);
                }
            }
        }

        @Test
        void thenAFailedRsaDecryptionGoesOnWithAStablePseudoRandomKey() {
            // the same forged wrapped key decrypts data encrypted with the key implicit rejection derives, proving
            // the AES step ran (no early exit that timing could reveal) with a key stable for that ciphertext
            PartnerCipher single = new PartnerCipher(List.of(CURRENT.getPrivate()), PartnerAesMode.ECB);
            String forged = Base64.getEncoder().encodeToString(new byte[256]);
            assertThat(single.decrypt(forged, data)).isEqualTo(UNREADABLE);
            assertThat(single.decrypt(forged, data)).isEqualTo(single.decrypt(forged, data));
        }
    }

    @Nested
    class GivenTheRsaPlaintext {

        @Test
        void thenBase64TextIsPreferredAndRawBytesAccepted() {
            byte[] key = Envelopes.aesKey(16);
            assertThat(PartnerCipher.aesKey(Base64.getEncoder().encodeToString(key).getBytes(StandardCharsets.US_ASCII)))
                    .hasValue(key);
            assertThat(PartnerCipher.aesKey(key)).hasValueSatisfying(k -> assertThat(k).isEqualTo(key));
            assertThat(PartnerCipher.aesKey(new byte[20])).isEmpty();
        }
    }
}
