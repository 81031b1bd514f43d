package vn.vneidbridge.sandbox.remotesigning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.vneidbridge.sandbox.ca.MovableClock;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority;

/**
 * The VNPT SmartCA stand-in over HTTPS, called as the {@code vnpt-smartca} adapter calls it: certificates, a signing
 * request, the phone's answer, the status; the phone page; the switches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmartCaStandInTest {

    private static final String AN = "001090001234";
    private static final String BINH = "042085007890";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final MovableClock clock = new MovableClock(Instant.now());
    private Path dir;
    private SandboxCertificateAuthority ca;
    private SmartCaStandIn standIn;
    private HttpClient http;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("smartca-stand-in");
        ca = SandboxCertificateAuthority.generate(dir, URI.create("http://127.0.0.1:8084"), Clock.systemUTC());
        standIn = SmartCaStandIn.start(0, ca, clock);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trusting(ca.root()))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void reset() {
        standIn.reset();
        clock.set(Instant.now());
    }

    @AfterAll
    void stop() throws Exception {
        standIn.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Nested
    class GivenTheServer {

        @Test
        void thenItServesHttpsOnLocalhostWithTheSandboxCertificate() throws Exception {
            assertThat(standIn.baseUri().toString()).matches("https://localhost:\\d+");
            assertThat(standIn.endpoint()).isEqualTo(URI.create(standIn.baseUri() + "/sca/sp769"));
            assertThat(standIn.phone(AN)).isEqualTo(URI.create(standIn.baseUri() + "/phone/" + AN));
            assertThat(getCertificate(AN).statusCode()).isEqualTo(200);
        }

        @Test
        void thenAClientThatDoesNotTrustTheSandboxRootIsRefused() throws Exception {
            HttpClient untrusting = HttpClient.newBuilder().sslContext(trusting(ca.foreignRoot())).build();
            assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(standIn.phone(AN)).build(),
                    HttpResponse.BodyHandlers.discarding())).isInstanceOf(SSLException.class);
        }
    }

    @Nested
    class GivenGetCertificate {

        @Test
        void thenAnsLeafAndChainAreAnswered() throws Exception {
            HttpResponse<String> response = getCertificate(AN);
            Map<String, Object> json = json(response);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            assertThat(json).containsEntry("status_code", 200L).containsEntry("message", "SUCCESS");
            List<Map<String, Object>> certificates = certificates(json);
            assertThat(certificates).hasSize(1);
            Map<String, Object> entry = certificates.get(0);
            X509Certificate an = ca.certificate("an.p12");
            assertThat(entry).containsEntry("service_type", "SMARTCA")
                    .containsEntry("service_name", "SmartCA cá nhân (sandbox)")
                    .containsEntry("cert_status", "Đang hoạt động")
                    .containsEntry("serial_number", an.getSerialNumber().toString(16))
                    .containsEntry("cert_subject", an.getSubjectX500Principal().getName(X500Principal.RFC2253))
                    .containsEntry("cert_valid_from", an.getNotBefore().toInstant().toString())
                    .containsEntry("cert_valid_to", an.getNotAfter().toInstant().toString());
            assertThat(certificate(entry.get("cert_data"))).isEqualTo(an);
            Map<?, ?> chain = (Map<?, ?>) entry.get("chain_data");
            assertThat(certificate(chain.get("ca_cert"))).isEqualTo(ca.issuing());
            assertThat(certificate(chain.get("root_cert"))).isEqualTo(ca.root());
        }

        @Test
        void thenEveryValidPersonaIsASubscriberByTheNumberOfItsUid() throws Exception {
            Map<String, String> subscribers = Map.of("164438056", "nga-cmnd.p12", "052189000123", "nga.p12",
                    "0312345673", "congtyabc.p12", BINH, "binh.p12");
            for (Map.Entry<String, String> subscriber : subscribers.entrySet()) {
                assertThat(certificate(certificates(json(getCertificate(subscriber.getKey()))).get(0).get("cert_data")))
                        .as(subscriber.getKey()).isEqualTo(ca.certificate(subscriber.getValue()));
            }
        }

        @Test
        void thenAnUnknownNumberHasNoCertificate() throws Exception {
            HttpResponse<String> response = getCertificate("079999999999");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(certificates(json(response))).isEmpty();
        }

        @Test
        void thenAnotherSerialNumberFindsNone() throws Exception {
            Map<String, Object> body = credentials();
            body.put("user_id", AN);
            body.put("serial_number", "1234");
            body.put("transaction_id", UUID.randomUUID().toString());

            assertThat(certificates(json(post("/sca/sp769/v1/credentials/get_certificate", body)))).isEmpty();
        }

        @Test
        void thenWrongCredentialsAre401() throws Exception {
            Map<String, Object> body = credentials();
            body.put("sp_password", "not-the-secret");
            body.put("user_id", AN);
            body.put("transaction_id", UUID.randomUUID().toString());

            HttpResponse<String> response = post("/sca/sp769/v1/credentials/get_certificate", body);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"status_code\":401,\"message\":\"SP_CREDENTIAL_INVALID\","
                    + "\"data\":null}");
        }

        @Test
        void thenMalformedJsonAMissingFieldAndAHugeBodyAreRefused() throws Exception {
            assertThat(post("/sca/sp769/v1/credentials/get_certificate", "{not json").statusCode()).isEqualTo(400);
            Map<String, Object> noUser = credentials();
            noUser.put("transaction_id", "t");
            HttpResponse<String> missing = post("/sca/sp769/v1/credentials/get_certificate", noUser);
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(json(missing)).containsEntry("message", "BAD_REQUEST");
            assertThat(post("/sca/sp769/v1/credentials/get_certificate", "{\"x\":\"" + "a".repeat(70_000) + "\"}")
                    .statusCode()).isEqualTo(413);
        }
    }

    @Nested
    class GivenASigningRequest {

        private final byte[] challenge = "đăng nhập dvc: 4821".getBytes(StandardCharsets.UTF_8);

        @Test
        void thenItWaitsForThePhone() throws Exception {
            String id = "tx-" + UUID.randomUUID();
            HttpResponse<String> response = sign(AN, id, sha256(challenge), serial("an.p12"));
            Map<String, Object> json = json(response);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json).containsEntry("message", "sig_wait_for_user_confirm");
            Map<?, ?> data = (Map<?, ?>) json.get("data");
            assertThat(data.get("transaction_id")).isEqualTo(id);
            assertThat(UUID.fromString((String) data.get("tran_code"))).isNotNull();
            assertThat(standIn.pending(AN)).isEqualTo(1);
            assertThat(standIn.lastDocId(AN)).isEqualTo("4821");
            assertThat(standIn.lastDescription(AN)).isEqualTo("Đăng nhập Cổng dịch vụ công");

            Map<String, Object> status = json(status(id));
            assertThat(status).containsEntry("status_code", 200L).containsEntry("message",
                    "sig_wait_for_user_confirm");
            assertThat(data(status)).containsEntry("transaction_id", id)
                    .containsEntry("signatures", null);
            assertThat(status((String) data.get("tran_code")).statusCode()).as("found by tran_code too")
                    .isEqualTo(200);
        }

        @Test
        void thenApprovedItsSignatureIsSha256WithRsaOverTheOriginalBytes() throws Exception {
            String id = "tx-" + UUID.randomUUID();
            sign(AN, id, sha256(challenge), serial("an.p12"));

            assertThat(standIn.approve(AN)).isTrue();

            Map<String, Object> status = json(status(id));
            assertThat(status).containsEntry("message", "SUCCESS");
            assertThat(verifies(signature(status), challenge, ca.certificate("an.p12"))).isTrue();
            Map<?, ?> signature = (Map<?, ?>) ((List<?>) ((Map<?, ?>) status.get("data")).get("signatures")).get(0);
            assertThat(signature.get("doc_id")).isEqualTo("4821");
            assertThat(signature.containsKey("timestamp_signature")).isTrue();
            assertThat(standIn.pending(AN)).isZero();
            assertThat(standIn.approve(AN)).as("nothing left to approve").isFalse();
        }

        @Test
        void thenRefusedItIsRejected() throws Exception {
            String id = "tx-" + UUID.randomUUID();
            sign(AN, id, sha256(challenge), serial("an.p12"));

            assertThat(standIn.refuse(AN)).isTrue();

            Map<String, Object> status = json(status(id));
            assertThat(status).containsEntry("message", "REJECTED");
            assertThat(data(status)).containsEntry("signatures", null);
        }

        @Test
        void thenUnansweredFor300SecondsItIsExpired() throws Exception {
            String id = "tx-" + UUID.randomUUID();
            sign(AN, id, sha256(challenge), serial("an.p12"));
            clock.advance(Duration.ofSeconds(299));
            assertThat(standIn.pending(AN)).isEqualTo(1);

            clock.advance(Duration.ofSeconds(1));

            assertThat(json(status(id))).containsEntry("message", "EXPIRED");
            assertThat(standIn.pending(AN)).isZero();
            assertThat(standIn.approve(AN)).isFalse();
            assertThat(standIn.lastDocId(AN)).isNull();
        }

        @Test
        void thenAnUnknownTransactionIs400() throws Exception {
            HttpResponse<String> response = status("tx-never-created");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"status_code\":400,\"message\":\"TRANSACTION_NOT_FOUND\","
                    + "\"data\":null}");
        }

        @Test
        void thenAReusedTransactionIdIsRefused() throws Exception {
            String id = "tx-" + UUID.randomUUID();
            assertThat(sign(AN, id, sha256(challenge), serial("an.p12")).statusCode()).isEqualTo(200);

            HttpResponse<String> again = sign(AN, id, sha256(challenge), serial("an.p12"));

            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(json(again)).containsEntry("message", "TRANSACTION_EXISTS");
            assertThat(standIn.pending(AN)).isEqualTo(1);
        }

        @Test
        void thenAnotherCertificatesSerialOrAnUnknownUserIsRefused() throws Exception {
            HttpResponse<String> otherSerial = sign(AN, "tx-" + UUID.randomUUID(), sha256(challenge),
                    serial("binh.p12"));
            assertThat(otherSerial.statusCode()).isEqualTo(400);
            assertThat(json(otherSerial)).containsEntry("message", "CREDENTIAL_NOT_FOUND");

            HttpResponse<String> unknown = sign("079999999999", "tx-" + UUID.randomUUID(), sha256(challenge),
                    serial("an.p12"));
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(json(unknown)).containsEntry("message", "USER_NOT_FOUND");
            assertThat(standIn.pending(AN)).isZero();
        }

        @Test
        void thenAnythingButOneHashIsABadRequest() throws Exception {
            Map<String, Object> body = signBody(AN, "tx-" + UUID.randomUUID(), sha256(challenge), serial("an.p12"));
            Map<String, Object> file = new LinkedHashMap<>(firstFile(body));
            body.put("sign_files", List.of(file, file));
            assertThat(post("/sca/sp769/v1/signatures/sign", body).statusCode()).as("two files").isEqualTo(400);

            file.put("sign_type", "pdf");
            body.put("sign_files", List.of(file));
            assertThat(post("/sca/sp769/v1/signatures/sign", body).statusCode()).as("not a hash").isEqualTo(400);

            file.put("sign_type", "hash");
            file.put("data_to_be_signed", "abcd");
            assertThat(post("/sca/sp769/v1/signatures/sign", body).statusCode()).as("not 32 bytes").isEqualTo(400);

            body.put("sp_id", "another-sp");
            assertThat(post("/sca/sp769/v1/signatures/sign", body).statusCode()).as("credentials").isEqualTo(401);
            assertThat(standIn.pending(AN)).isZero();
        }
    }

    @Nested
    class GivenThePhone {

        private final byte[] challenge = "đăng nhập dvc: 4821".getBytes(StandardCharsets.UTF_8);

        @Test
        void thenItListsThePendingRequestWithItsCodeNewestFirst() throws Exception {
            sign(AN, "tx-" + UUID.randomUUID(), sha256(challenge), serial("an.p12"), "cũ-1111", "Lần trước");
            sign(AN, "tx-" + UUID.randomUUID(), sha256(challenge), serial("an.p12"), "mới-2222",
                    "Đăng nhập <b>dvc</b>");

            HttpResponse<String> page = get(standIn.phone(AN));

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.body()).contains("<html lang=\"vi\">", "<main>", "Ứng dụng VNPT SmartCA (mô phỏng)",
                    "Mã giao dịch", "<label for=\"pin-1\">Mã PIN</label>", "type=\"password\"",
                    "value=\"approve\">Xác nhận</button>", "value=\"refuse\">Từ chối</button>",
                    "Đăng nhập &lt;b&gt;dvc&lt;/b&gt;", "giây")
                    .doesNotContain("<b>dvc</b>", "<script", "http://", "src=");
            assertThat(page.body().indexOf("mới-2222")).as("newest first").isPositive()
                    .isLessThan(page.body().indexOf("cũ-1111"));
        }

        @Test
        void thenAnUnknownNumberOrNoRequestShowsNothingPending() throws Exception {
            assertThat(get(standIn.phone("079999999999")).body()).contains("Không có yêu cầu ký nào đang chờ.");
            assertThat(get(standIn.phone(AN)).body()).contains("Không có yêu cầu ký nào đang chờ.");
        }

        @Test
        void thenAWrongCsrfTokenIs403AndTheRequestStaysPending() throws Exception {
            String id = "tx-" + UUID.randomUUID();
            sign(AN, id, sha256(challenge), serial("an.p12"));

            HttpResponse<String> answer = answer(id, "not-the-token", SandboxCertificateAuthority.PIN, "approve");

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(standIn.pending(AN)).isEqualTo(1);
        }

        @Test
        void thenAWrongPinKeepsItPendingAndTheRightPinSigns() throws Exception {
            String id = "tx-" + UUID.randomUUID();
            sign(AN, id, sha256(challenge), serial("an.p12"));
            String csrf = csrf(get(standIn.phone(AN)).body());

            HttpResponse<String> wrong = answer(id, csrf, "123456", "approve");
            assertThat(wrong.statusCode()).isEqualTo(200);
            assertThat(wrong.body()).contains("Sai mã PIN");
            assertThat(standIn.pending(AN)).isEqualTo(1);
            assertThat(json(status(id))).containsEntry("message", "sig_wait_for_user_confirm");

            HttpResponse<String> right = answer(id, csrf, SandboxCertificateAuthority.PIN, "approve");
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(right.body()).contains("Đã xác nhận. Quay lại trình duyệt để tiếp tục.");
            Map<String, Object> status = json(status(id));
            assertThat(status).containsEntry("message", "SUCCESS");
            assertThat(verifies(signature(status), challenge, ca.certificate("an.p12"))).isTrue();

            assertThat(answer(id, csrf, SandboxCertificateAuthority.PIN, "refuse").body())
                    .contains("Yêu cầu này không còn chờ xác nhận.");
            assertThat(json(status(id))).containsEntry("message", "SUCCESS");
        }

        @Test
        void thenRefusingRejects() throws Exception {
            String id = "tx-" + UUID.randomUUID();
            sign(AN, id, sha256(challenge), serial("an.p12"));

            HttpResponse<String> answer = answer(id, csrf(get(standIn.phone(AN)).body()), "", "refuse");

            assertThat(answer.body()).contains("Đã từ chối.");
            assertThat(json(status(id))).containsEntry("message", "REJECTED");
        }

        @Test
        void thenAnExpiredRequestCannotBeAnsweredAnyMore() throws Exception {
            String id = "tx-" + UUID.randomUUID();
            sign(AN, id, sha256(challenge), serial("an.p12"));
            String csrf = csrf(get(standIn.phone(AN)).body());
            clock.advance(Transaction.LIFETIME);

            assertThat(answer(id, csrf, SandboxCertificateAuthority.PIN, "approve").body())
                    .contains("Yêu cầu này không còn chờ xác nhận.");
            assertThat(json(status(id))).containsEntry("message", "EXPIRED");
        }
    }

    @Nested
    class GivenTheSwitches {

        private final byte[] challenge = "đăng nhập dvc: 4821".getBytes(StandardCharsets.UTF_8);

        @Test
        void thenDownAnswers503() throws Exception {
            standIn.mode(Mode.DOWN);

            HttpResponse<String> response = getCertificate(AN);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json(response)).containsEntry("status_code", 503L)
                    .containsEntry("message", "SERVICE_UNAVAILABLE");
            assertThat(status("anything").statusCode()).isEqualTo(503);
        }

        @Test
        void thenSlowHoldsTheAnswerButNotThePhone() throws Exception {
            standIn.mode(Mode.SLOW);
            String id = "tx-" + UUID.randomUUID();
            HttpRequest request = HttpRequest.newBuilder(URI.create(standIn.baseUri() + "/sca/sp769/v1/signatures/sign"))
                    .timeout(Duration.ofSeconds(1)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(
                            signBody(AN, id, sha256(challenge), serial("an.p12"))), StandardCharsets.UTF_8))
                    .build();

            assertThatThrownBy(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join())
                    .isInstanceOf(CompletionException.class).hasCauseInstanceOf(HttpTimeoutException.class);
            long start = System.nanoTime();
            assertThat(get(standIn.phone(AN)).body()).contains("4821");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SmartCaStandIn.SLOW_DELAY);
        }

        @Test
        void thenSignOtherHashGivesASignatureThatDoesNotVerify() throws Exception {
            standIn.misbehave(Misbehaviour.SIGN_OTHER_HASH);
            String id = "tx-" + UUID.randomUUID();
            sign(AN, id, sha256(challenge), serial("an.p12"));

            assertThat(standIn.approve(AN)).isTrue();

            Map<String, Object> status = json(status(id));
            assertThat(status).containsEntry("message", "SUCCESS");
            assertThat(verifies(signature(status), challenge, ca.certificate("an.p12"))).isFalse();
        }

        @Test
        void thenCertificateOfBinhAnswersBinhsCertificateAndKeyForAn() throws Exception {
            standIn.misbehave(Misbehaviour.certificateOf("binh.p12"));

            Map<String, Object> entry = certificates(json(getCertificate(AN))).get(0);
            assertThat(certificate(entry.get("cert_data"))).isEqualTo(ca.certificate("binh.p12"));
            String id = "tx-" + UUID.randomUUID();
            assertThat(sign(AN, id, sha256(challenge), (String) entry.get("serial_number")).statusCode())
                    .isEqualTo(200);
            assertThat(standIn.approve(AN)).isTrue();
            byte[] signature = signature(json(status(id)));
            assertThat(verifies(signature, challenge, ca.certificate("binh.p12"))).isTrue();
            assertThat(verifies(signature, challenge, ca.certificate("an.p12"))).isFalse();
            assertThatThrownBy(() -> standIn.misbehave(Misbehaviour.certificateOf("nobody.p12")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void thenASubscriberGetsAnotherCertificateUntilReset() throws Exception {
            standIn.subscribe(AN, "an-revoked.p12");
            assertThat(certificate(certificates(json(getCertificate(AN))).get(0).get("cert_data")))
                    .isEqualTo(ca.certificate("an-revoked.p12"));

            standIn.reset();

            assertThat(certificate(certificates(json(getCertificate(AN))).get(0).get("cert_data")))
                    .isEqualTo(ca.certificate("an.p12"));
            assertThatThrownBy(() -> standIn.subscribe(AN, "nobody.p12")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void thenRequestsCountsTheApiCallsOnly() throws Exception {
            assertThat(standIn.requests()).isZero();
            getCertificate(AN);
            status("tx-never-created");
            get(standIn.phone(AN));

            assertThat(standIn.requests()).isEqualTo(2);
            assertThat(json(get(URI.create(standIn.baseUri() + "/_simulator/stats")))).containsEntry("requests", 2L);
        }

        @Test
        void thenTheHttpSwitchesSetTheSame() throws Exception {
            assertThat(control("mode", "down").statusCode()).isEqualTo(200);
            assertThat(standIn.mode()).isEqualTo(Mode.DOWN);
            assertThat(control("mode", "normal").statusCode()).isEqualTo(200);
            assertThat(control("misbehave", "certificate-of:binh.p12").statusCode()).isEqualTo(200);
            assertThat(standIn.misbehaviour()).isEqualTo(Misbehaviour.certificateOf("binh.p12"));
            assertThat(control("misbehave", "sign-other-hash").statusCode()).isEqualTo(200);
            assertThat(standIn.misbehaviour()).isEqualTo(Misbehaviour.SIGN_OTHER_HASH);
            assertThat(control("subscriber", AN + "=an-expired.p12").statusCode()).isEqualTo(200);
            assertThat(certificate(certificates(json(getCertificate(AN))).get(0).get("cert_data")))
                    .isEqualTo(ca.certificate("an-expired.p12"));

            assertThat(control("mode", "sideways").statusCode()).isEqualTo(400);
            assertThat(control("misbehave", "certificate-of:nobody.p12").statusCode()).isEqualTo(400);
            assertThat(control("subscriber", AN).statusCode()).isEqualTo(400);

            assertThat(control("reset", "").statusCode()).isEqualTo(200);
            assertThat(standIn.misbehaviour()).isEqualTo(Misbehaviour.NONE);
            assertThat(standIn.requests()).isZero();
        }
    }

    @Nested
    class GivenTheHashSigner {

        @Test
        void thenItsSignatureOfAHashIsSha256WithRsaOfTheBytes() throws Exception {
            byte[] bytes = "any bytes at all".getBytes(StandardCharsets.UTF_8);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(ca.file("nga.p12"))) {
                store.load(in, SandboxCertificateAuthority.PIN.toCharArray());
            }
            java.security.PrivateKey key = (java.security.PrivateKey) store.getKey("sandbox",
                    SandboxCertificateAuthority.PIN.toCharArray());

            byte[] signature = HashSigner.sign(key, sha256(bytes));

            Signature expected = Signature.getInstance("SHA256withRSA");
            expected.initSign(key);
            expected.update(bytes);
            assertThat(signature).isEqualTo(expected.sign());
            assertThat(verifies(signature, bytes, ca.certificate("nga.p12"))).isTrue();
        }
    }

    // --- calls as the adapter makes them ---

    private Map<String, Object> credentials() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sp_id", SmartCaStandIn.SP_ID);
        body.put("sp_password", SmartCaStandIn.SP_PASSWORD);
        return body;
    }

    private HttpResponse<String> getCertificate(String userId) throws Exception {
        Map<String, Object> body = credentials();
        body.put("user_id", userId);
        body.put("serial_number", "");
        body.put("transaction_id", UUID.randomUUID().toString());
        return post("/sca/sp769/v1/credentials/get_certificate", body);
    }

    private Map<String, Object> signBody(String userId, String id, byte[] hash, String serial) {
        return signBody(userId, id, hash, serial, "4821", "Đăng nhập Cổng dịch vụ công");
    }

    private Map<String, Object> signBody(String userId, String id, byte[] hash, String serial, String docId,
                                         String description) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("data_to_be_signed", HexFormat.of().formatHex(hash));
        file.put("doc_id", docId);
        file.put("file_type", "json");
        file.put("sign_type", "hash");
        Map<String, Object> body = credentials();
        body.put("user_id", userId);
        body.put("transaction_id", id);
        body.put("transaction_desc", description);
        body.put("serial_number", serial);
        body.put("time_stamp", "20261207023000");
        body.put("sign_files", List.of(file));
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstFile(Map<String, Object> body) {
        return (Map<String, Object>) ((List<?>) body.get("sign_files")).get(0);
    }

    private HttpResponse<String> sign(String userId, String id, byte[] hash, String serial) throws Exception {
        return post("/sca/sp769/v1/signatures/sign", signBody(userId, id, hash, serial));
    }

    private HttpResponse<String> sign(String userId, String id, byte[] hash, String serial, String docId,
                                      String description) throws Exception {
        return post("/sca/sp769/v1/signatures/sign", signBody(userId, id, hash, serial, docId, description));
    }

    private HttpResponse<String> status(String id) throws Exception {
        return post("/sca/sp769/v1/signatures/sign/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/status",
                "{}");
    }

    private HttpResponse<String> answer(String id, String csrf, String pin, String answer) throws Exception {
        String form = "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&pin="
                + URLEncoder.encode(pin, StandardCharsets.UTF_8) + "&answer=" + answer;
        return http.send(HttpRequest.newBuilder(URI.create(standIn.phone(AN) + "/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> control(String name, String body) throws Exception {
        return post("/_simulator/" + name, body);
    }

    private HttpResponse<String> post(String path, Map<String, Object> json) throws Exception {
        return post(path, JSONObjectUtils.toJSONString(json));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(standIn.baseUri() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    // --- reading the answers ---

    private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        return JSONObjectUtils.parse(response.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> json) {
        return (Map<String, Object>) json.get("data");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> certificates(Map<String, Object> json) {
        return (List<Map<String, Object>>) ((Map<String, Object>) json.get("data")).get("user_certificates");
    }

    private static X509Certificate certificate(Object base64) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getDecoder().decode((String) base64)));
    }

    private static byte[] signature(Map<String, Object> status) {
        Map<?, ?> data = (Map<?, ?>) status.get("data");
        Map<?, ?> first = (Map<?, ?>) ((List<?>) data.get("signatures")).get(0);
        return Base64.getDecoder().decode((String) first.get("signature_value"));
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a csrf field").isTrue();
        return matcher.group(1);
    }

    private String serial(String file) {
        return ca.certificate(file).getSerialNumber().toString(16);
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static boolean verifies(byte[] signature, byte[] bytes, X509Certificate certificate) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate);
        verifier.update(bytes);
        return verifier.verify(signature);
    }

    private static SSLContext trusting(X509Certificate root) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", root);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
