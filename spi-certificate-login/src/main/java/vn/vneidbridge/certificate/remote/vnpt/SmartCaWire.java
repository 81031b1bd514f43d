package vn.vneidbridge.certificate.remote.vnpt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.vneidbridge.certificate.remote.RemoteSigningService.Certificates;
import vn.vneidbridge.certificate.remote.RemoteSigningService.Expired;
import vn.vneidbridge.certificate.remote.RemoteSigningService.Found;
import vn.vneidbridge.certificate.remote.RemoteSigningService.NotSubscribed;
import vn.vneidbridge.certificate.remote.RemoteSigningService.Offer;
import vn.vneidbridge.certificate.remote.RemoteSigningService.Pending;
import vn.vneidbridge.certificate.remote.RemoteSigningService.Progress;
import vn.vneidbridge.certificate.remote.RemoteSigningService.Refused;
import vn.vneidbridge.certificate.remote.RemoteSigningService.Sent;
import vn.vneidbridge.certificate.remote.RemoteSigningService.SignRequest;
import vn.vneidbridge.certificate.remote.RemoteSigningService.Signed;
import vn.vneidbridge.certificate.remote.RemoteSigningService.Started;
import vn.vneidbridge.certificate.remote.RemoteSigningService.Unavailable;

/**
 * VNPT SmartCA's "SP769" v1 wire format as its integration document describes it (pure: bytes in, sealed answers
 * out). Every answer is {@code {"status_code", "message", "data"}}; {@code get_certificate} lists
 * {@code user_certificates} with the leaf ({@code cert_data}) and its CA ({@code chain_data.ca_cert}), base64 DER;
 * {@code sign} sends one hash in hex and answers {@code sig_wait_for_user_confirm}; {@code status} answers
 * {@code SUCCESS} with {@code signatures[].signature_value} once the subscriber approved. What the document does not
 * say, and this class assumes until VNPT's test environment confirms it ({@code docs/production.md}): any other
 * message of a 200 status answer means "not yet", except one naming a refusal ({@code REJECT}, {@code REFUSE},
 * {@code DENIED}, {@code CANCEL}) or an expiry ({@code EXPIRE}); an unknown transaction is expired. The root a
 * provider sends is ignored: trust comes from the realm's pinned roots only.
 */
final class SmartCaWire {

    static final String GET_CERTIFICATE = "/v1/credentials/get_certificate";
    static final String SIGN = "/v1/signatures/sign";
    static final String WAITING = "sig_wait_for_user_confirm";
    static final String SUCCESS = "SUCCESS";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'", Locale.ROOT);

    private SmartCaWire() {
    }

    /** The path of a request's status. */
    static String statusPath(String reference) {
        return SIGN + "/" + reference + "/status";
    }

    static byte[] certificatesRequest(Credentials credentials, String userId, String transactionId) {
        ObjectNode body = credentials.into(JSON.createObjectNode());
        body.put("user_id", userId);
        body.put("serial_number", "");
        body.put("transaction_id", transactionId);
        return bytes(body);
    }

    static byte[] signRequest(Credentials credentials, SignRequest request, String fileType,
                              LocalDateTime nowUtc) {
        ObjectNode body = credentials.into(JSON.createObjectNode());
        body.put("user_id", request.id());
        body.put("transaction_id", request.transactionId());
        body.put("transaction_desc", request.description());
        body.put("serial_number", request.serial());
        body.put("time_stamp", TIME_STAMP.format(nowUtc.atOffset(ZoneOffset.UTC)));
        ObjectNode file = body.putArray("sign_files").addObject();
        file.put("data_to_be_signed", HexFormat.of().formatHex(request.sha256()));
        file.put("doc_id", request.code());
        file.put("file_type", fileType);
        file.put("sign_type", "hash");
        return bytes(body);
    }

    /** The certificates of a {@code get_certificate} answer; the newest usable one first. */
    static Certificates certificates(int httpStatus, byte[] body) {
        if (httpStatus == 400 || httpStatus == 403 || httpStatus == 404) {
            // the number refused (unknown, or its credential not active): no subscription, not an outage, so a
            // stranger's unknown numbers never open the circuit breaker for everyone (review 2026-12-07 R2)
            return new NotSubscribed();
        }
        Optional<JsonNode> answer = answer(httpStatus, body);
        if (answer.isEmpty()) {
            return new Unavailable(failure(httpStatus));
        }
        JsonNode list = answer.get().path("data").path("user_certificates");
        if (!list.isArray() && !list.isMissingNode() && !list.isNull()) {
            return new Unavailable("malformed-response");
        }
        List<Offer> offers = new ArrayList<>();
        for (JsonNode entry : list) {
            String type = entry.path("service_type").asText("SMARTCA");
            if (!"SMARTCA".equalsIgnoreCase(type)) {
                continue; // an e-seal (ESEAL) is an organisation's stamp, not a person's login
            }
            Optional<X509Certificate> leaf = certificate(entry.path("cert_data"));
            String serial = entry.path("serial_number").asText("");
            if (leaf.isEmpty() || serial.isBlank()) {
                continue;
            }
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(leaf.get());
            certificate(entry.path("chain_data").path("ca_cert")).ifPresent(chain::add);
            offers.add(new Offer(serial, chain));
        }
        if (offers.isEmpty()) {
            return new NotSubscribed();
        }
        offers.sort(Comparator.comparing((Offer offer) -> offer.leaf().getNotBefore()).reversed());
        return new Found(offers);
    }

    static Started started(int httpStatus, byte[] body, String transactionId) {
        Optional<JsonNode> answer = answer(httpStatus, body);
        if (answer.isEmpty()) {
            // a subscriber without that certificate, or unknown: the same for the citizen as "not a subscriber"
            return httpStatus == 400 ? new NotSubscribed() : new Unavailable(failure(httpStatus));
        }
        String message = answer.get().path("message").asText("").strip();
        String echoed = answer.get().path("data").path("transaction_id").asText("");
        if (!WAITING.equalsIgnoreCase(message) || !transactionId.equals(echoed)) {
            return new Unavailable("unexpected-answer");
        }
        return new Sent(echoed);
    }

    static Progress progress(int httpStatus, byte[] body) {
        if (httpStatus == 400 || httpStatus == 404) {
            return new Expired(); // the provider no longer knows the request
        }
        Optional<JsonNode> answer = answer(httpStatus, body);
        if (answer.isEmpty()) {
            return new Unavailable(failure(httpStatus));
        }
        String message = answer.get().path("message").asText("").strip().toUpperCase(Locale.ROOT);
        if (SUCCESS.equals(message)) {
            JsonNode signatures = answer.get().path("data").path("signatures");
            if (!signatures.isArray() || signatures.size() != 1) {
                return new Unavailable("malformed-response");
            }
            Optional<byte[]> signature = base64(signatures.get(0).path("signature_value"));
            return signature.<Progress>map(Signed::new).orElseGet(() -> new Unavailable("malformed-response"));
        }
        if (message.contains("REJECT") || message.contains("REFUSE") || message.contains("DENIED")
                || message.contains("CANCEL")) {
            return new Refused();
        }
        if (message.contains("EXPIRE")) {
            return new Expired();
        }
        return new Pending();
    }

    /** A 200 answer whose {@code status_code} is 200 (or absent); empty for anything else. */
    private static Optional<JsonNode> answer(int httpStatus, byte[] body) {
        if (httpStatus != 200 || body == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(new ByteArrayInputStream(body));
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            JsonNode code = node.path("status_code");
            return code.isMissingNode() || code.asInt(0) == 200 ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String failure(int httpStatus) {
        return httpStatus == 200 ? "malformed-response" : "http-" + httpStatus;
    }

    private static Optional<X509Certificate> certificate(JsonNode base64) {
        return base64(base64).flatMap(der -> {
            try {
                return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException | ClassCastException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<byte[]> base64(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(node.asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] bytes(ObjectNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The service provider's credentials, sent in every call that asks for them. */
    record Credentials(String spId, String spPassword) {
        ObjectNode into(ObjectNode body) {
            body.put("sp_id", spId);
            body.put("sp_password", spPassword);
            return body;
        }

        @Override
        public String toString() {
            return "Credentials[" + spId + "]";
        }
    }
}
