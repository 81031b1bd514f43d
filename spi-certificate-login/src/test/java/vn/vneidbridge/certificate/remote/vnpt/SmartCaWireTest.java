package vn.vneidbridge.certificate.remote.vnpt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.certificate.remote.RemoteSigningService;

class SmartCaWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SmartCaWire.Credentials CREDENTIALS = new SmartCaWire.Credentials("sp", "secret");

    static X509Certificate certificate(String subject, Instant notBefore) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name(subject), BigInteger.valueOf(notBefore.getEpochSecond()), Date.from(notBefore),
                Date.from(notBefore.plus(Duration.ofDays(365))), new X500Name(subject), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
    }

    private static String base64(X509Certificate certificate) throws Exception {
        return Base64.getEncoder().encodeToString(certificate.getEncoded());
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class GivenARequestToSign {

        @Test
        void thenTheHashGoesAsHexTheCodeAsDocIdAndTheCredentialsInTheBody() throws Exception {
            byte[] sha256 = new byte[32];
            sha256[0] = (byte) 0xab;
            RemoteSigningService.SignRequest request = new RemoteSigningService.SignRequest("001090001234", "5401",
                    sha256, "0427", "Đăng nhập dvc — mã 0427", "tx-1");

            JsonNode body = JSON.readTree(SmartCaWire.signRequest(CREDENTIALS, request, "json",
                    LocalDateTime.of(2026, 12, 7, 3, 4, 5)));

            assertThat(body.path("sp_id").asText()).isEqualTo("sp");
            assertThat(body.path("sp_password").asText()).isEqualTo("secret");
            assertThat(body.path("user_id").asText()).isEqualTo("001090001234");
            assertThat(body.path("serial_number").asText()).isEqualTo("5401");
            assertThat(body.path("transaction_id").asText()).isEqualTo("tx-1");
            assertThat(body.path("time_stamp").asText()).isEqualTo("20261207030405Z");
            JsonNode file = body.path("sign_files").get(0);
            assertThat(file.path("data_to_be_signed").asText()).hasSize(64).startsWith("ab00");
            assertThat(file.path("doc_id").asText()).isEqualTo("0427");
            assertThat(file.path("sign_type").asText()).isEqualTo("hash");
        }

        @Test
        void thenOnlyTheWaitingAnswerEchoingOurTransactionIsSent() {
            assertThat(SmartCaWire.started(200, bytes("{\"status_code\":200,\"message\":\"sig_wait_for_user_confirm\","
                    + "\"data\":{\"transaction_id\":\"tx-1\",\"tran_code\":\"u\"}}"), "tx-1"))
                    .isEqualTo(new RemoteSigningService.Sent("tx-1"));
            assertThat(SmartCaWire.started(200, bytes("{\"status_code\":200,\"message\":\"sig_wait_for_user_confirm\","
                    + "\"data\":{\"transaction_id\":\"tx-other\"}}"), "tx-1"))
                    .isInstanceOf(RemoteSigningService.Unavailable.class);
            assertThat(SmartCaWire.started(400, bytes("{\"status_code\":400,\"message\":\"USER_NOT_FOUND\"}"), "tx-1"))
                    .isInstanceOf(RemoteSigningService.NotSubscribed.class);
            assertThat(SmartCaWire.started(401, bytes("{\"status_code\":401}"), "tx-1"))
                    .isEqualTo(new RemoteSigningService.Unavailable("http-401"));
            assertThat(SmartCaWire.started(200, bytes("<html>"), "tx-1"))
                    .isEqualTo(new RemoteSigningService.Unavailable("malformed-response"));
        }
    }

    @Nested
    class GivenTheCertificatesOfANumber {

        @Test
        void thenTheNewestPersonalCertificateComesFirstWithItsCaAndAnEsealIsLeftOut() throws Exception {
            X509Certificate older = certificate("CN=OLD,UID=CCCD:001090001234", Instant.parse("2024-01-01T00:00:00Z"));
            X509Certificate newer = certificate("CN=NEW,UID=CCCD:001090001234", Instant.parse("2025-01-01T00:00:00Z"));
            X509Certificate ca = certificate("CN=CA", Instant.parse("2023-01-01T00:00:00Z"));
            String answer = "{\"status_code\":200,\"message\":\"SUCCESS\",\"data\":{\"user_certificates\":["
                    + "{\"service_type\":\"SMARTCA\",\"serial_number\":\"1\",\"cert_data\":\"" + base64(older)
                    + "\",\"chain_data\":{\"ca_cert\":\"" + base64(ca) + "\"}},"
                    + "{\"service_type\":\"ESEAL\",\"serial_number\":\"3\",\"cert_data\":\"" + base64(newer) + "\"},"
                    + "{\"service_type\":\"SMARTCA\",\"serial_number\":\"2\",\"cert_data\":\"" + base64(newer)
                    + "\",\"chain_data\":{\"ca_cert\":\"" + base64(ca) + "\",\"root_cert\":\"" + base64(ca) + "\"}}]}}";

            RemoteSigningService.Certificates found = SmartCaWire.certificates(200, bytes(answer));

            assertThat(found).isInstanceOf(RemoteSigningService.Found.class);
            var offers = ((RemoteSigningService.Found) found).offers();
            assertThat(offers).extracting(RemoteSigningService.Offer::serial).containsExactly("2", "1");
            assertThat(offers.get(0).chain()).containsExactly(newer, ca);
        }

        @Test
        void thenNoneBrokenDataAndOutagesAreToldApart() {
            assertThat(SmartCaWire.certificates(200, bytes("{\"status_code\":200,\"data\":{\"user_certificates\":[]}}")))
                    .isInstanceOf(RemoteSigningService.NotSubscribed.class);
            assertThat(SmartCaWire.certificates(200, bytes("{\"status_code\":200,\"data\":{\"user_certificates\":["
                    + "{\"serial_number\":\"1\",\"cert_data\":\"not base64 %%\"}]}}")))
                    .isInstanceOf(RemoteSigningService.NotSubscribed.class);
            assertThat(SmartCaWire.certificates(503, bytes("")))
                    .isEqualTo(new RemoteSigningService.Unavailable("http-503"));
            // a number the provider refuses is no outage: strangers' numbers never open the breaker for everyone
            assertThat(SmartCaWire.certificates(400, bytes("{\"status_code\":400,\"message\":\"USER_NOT_FOUND\"}")))
                    .isInstanceOf(RemoteSigningService.NotSubscribed.class);
            assertThat(SmartCaWire.certificates(403, bytes("{\"status_code\":403}")))
                    .isInstanceOf(RemoteSigningService.NotSubscribed.class);
            assertThat(SmartCaWire.certificates(401, bytes("{\"status_code\":401}")))
                    .as("our own credentials refused: an outage, for the operators")
                    .isEqualTo(new RemoteSigningService.Unavailable("http-401"));
            assertThat(SmartCaWire.certificates(200, bytes("{\"status_code\":401,\"message\":\"SP_CREDENTIAL_INVALID\"}")))
                    .isEqualTo(new RemoteSigningService.Unavailable("malformed-response"));
        }
    }

    @Nested
    class GivenTheStatusOfARequest {

        @Test
        void thenSuccessCarriesTheSignatureAndEveryOtherAnswerIsReadAsWhatItSays() {
            RemoteSigningService.Progress signed = SmartCaWire.progress(200, bytes("{\"status_code\":200,"
                    + "\"message\":\"SUCCESS\",\"data\":{\"signatures\":[{\"doc_id\":\"0427\",\"signature_value\":\""
                    + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}) + "\"}]}}"));
            assertThat(signed).isInstanceOf(RemoteSigningService.Signed.class);
            assertThat(((RemoteSigningService.Signed) signed).signature()).containsExactly(1, 2, 3);

            assertThat(SmartCaWire.progress(200, bytes("{\"status_code\":200,\"message\":\"sig_wait_for_user_confirm\"}")))
                    .isInstanceOf(RemoteSigningService.Pending.class);
            assertThat(SmartCaWire.progress(200, bytes("{\"status_code\":200,\"message\":\"REJECTED\"}")))
                    .isInstanceOf(RemoteSigningService.Refused.class);
            assertThat(SmartCaWire.progress(200, bytes("{\"status_code\":200,\"message\":\"EXPIRED\"}")))
                    .isInstanceOf(RemoteSigningService.Expired.class);
            assertThat(SmartCaWire.progress(400, bytes("{\"message\":\"TRANSACTION_NOT_FOUND\"}")))
                    .isInstanceOf(RemoteSigningService.Expired.class);
            assertThat(SmartCaWire.progress(200, bytes("{\"status_code\":200,\"message\":\"SUCCESS\",\"data\":{}}")))
                    .isEqualTo(new RemoteSigningService.Unavailable("malformed-response"));
            assertThat(SmartCaWire.progress(500, bytes("")))
                    .isEqualTo(new RemoteSigningService.Unavailable("http-500"));
        }
    }
}
