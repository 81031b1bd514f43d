package vn.vneidbridge.sandbox.remotesigning;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import vn.vneidbridge.sandbox.registry.RequestBodies;

/**
 * VNPT SmartCA v1's JSON as the stand-in reads and writes it (VNPT's "Tài liệu tích hợp VNPT SMARTCA", §3.2-3.5,
 * as {@code docs/research/2026-12-06-remote-signing-login.md} copies it): every answer is
 * {@code {"status_code", "message", "data"}}; requests are objects of strings, and {@code sign_files} an array of
 * one object. Nimbus's JSON (already on the sandbox's class path) does the parsing.
 */
final class SmartCaJson {

    static final String SUCCESS = "SUCCESS";
    static final String WAITING = "sig_wait_for_user_confirm";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MAX_ID = 128;
    private static final int MAX_DESCRIPTION = 1000;

    /** A request that does not follow the format: a fixed description, never the body's text. */
    static final class MalformedRequest extends Exception {
        MalformedRequest(String message) {
            super(message, null, false, false);
        }
    }

    /** {@code credentials/get_certificate}; {@code serialNumber} is null when not sent. */
    record CertificateQuery(String userId, String serialNumber, String transactionId) {
    }

    /** {@code signatures/sign} with its one file; {@code description} is null when not sent. */
    record SignRequest(String userId, String transactionId, String description, String serialNumber, String docId,
                       byte[] hash) {
    }

    private SmartCaJson() {
    }

    /** A JSON object, strictly UTF-8; anything else is malformed ({@link RequestBodies#jsonObject}). */
    static Map<String, Object> parseObject(byte[] body) throws MalformedRequest {
        try {
            return RequestBodies.jsonObject(body);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequest(e.getMessage());
        }
    }

    static CertificateQuery certificateQuery(Map<String, Object> json) throws MalformedRequest {
        return new CertificateQuery(required(json, "user_id", MAX_ID), optional(json, "serial_number", MAX_ID),
                required(json, "transaction_id", MAX_ID));
    }

    /** Exactly one file, {@code sign_type} {@code hash}, {@code data_to_be_signed} the hex of a SHA-256. */
    static SignRequest signRequest(Map<String, Object> json) throws MalformedRequest {
        String userId = required(json, "user_id", MAX_ID);
        String transactionId = required(json, "transaction_id", MAX_ID);
        String description = optional(json, "transaction_desc", MAX_DESCRIPTION);
        String serialNumber = required(json, "serial_number", MAX_ID);
        optional(json, "time_stamp", MAX_ID);
        if (!(json.get("sign_files") instanceof List<?> files) || files.size() != 1
                || !(files.get(0) instanceof Map<?, ?> file)) {
            throw new MalformedRequest("sign_files must hold exactly one object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> signFile = (Map<String, Object>) file;
        if (!"hash".equals(required(signFile, "sign_type", MAX_ID))) {
            throw new MalformedRequest("sign_type must be hash");
        }
        String data = required(signFile, "data_to_be_signed", 64);
        if (!SHA256_HEX.matcher(data).matches()) {
            throw new MalformedRequest("data_to_be_signed must be the hex of a SHA-256");
        }
        optional(signFile, "file_type", MAX_ID);
        return new SignRequest(userId, transactionId, description, serialNumber, required(signFile, "doc_id", MAX_ID),
                HexFormat.of().parseHex(data));
    }

    /** A string member; absent, null or blank is missing. */
    static String required(Map<String, Object> json, String key, int maxLength) throws MalformedRequest {
        String value = optional(json, key, maxLength);
        if (value == null || value.isBlank()) {
            throw new MalformedRequest(key + " is missing");
        }
        return value;
    }

    /** A string member as sent; null when absent or null. */
    static String optional(Map<String, Object> json, String key, int maxLength) throws MalformedRequest {
        Object value = json.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new MalformedRequest(key + " must be a string");
        }
        if (text.length() > maxLength) {
            throw new MalformedRequest(key + " is longer than " + maxLength);
        }
        return text;
    }

    /** {@code {"status_code": status, "message": message, "data": data}}. */
    static String answer(int status, String message, Object data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status_code", status);
        json.put("message", message);
        json.put("data", data);
        return JSONObjectUtils.toJSONString(json);
    }

    /** {@code get_certificate}'s {@code data}: the one certificate SmartCA holds for the subscriber, or none. */
    static Map<String, Object> certificates(List<SigningIdentity> identities) {
        return Map.of("user_certificates", identities.stream().map(SmartCaJson::certificate).toList());
    }

    private static Map<String, Object> certificate(SigningIdentity identity) {
        X509Certificate leaf = identity.leaf();
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("ca_cert", der(identity.issuingCa()));
        chain.put("root_cert", der(identity.root()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("service_type", "SMARTCA");
        json.put("service_name", "SmartCA cá nhân (sandbox)");
        json.put("cert_status", "Đang hoạt động");
        json.put("serial_number", identity.serialHex());
        json.put("cert_subject", leaf.getSubjectX500Principal().getName(X500Principal.RFC2253));
        json.put("cert_valid_from", leaf.getNotBefore().toInstant().toString());
        json.put("cert_valid_to", leaf.getNotAfter().toInstant().toString());
        json.put("cert_data", der(leaf));
        json.put("chain_data", chain);
        return json;
    }

    /** {@code signatures/sign}'s {@code data}. */
    static Map<String, Object> waiting(Transaction transaction) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("transaction_id", transaction.id());
        json.put("tran_code", transaction.tranCode());
        return json;
    }

    /** The status call's {@code data}: the signature once approved, else {@code "signatures": null}. */
    static Map<String, Object> status(Transaction transaction, boolean signed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("transaction_id", transaction.id());
        if (signed) {
            Map<String, Object> signature = new LinkedHashMap<>();
            signature.put("doc_id", transaction.docId());
            signature.put("signature_value", Base64.getEncoder().encodeToString(transaction.signature()));
            signature.put("timestamp_signature", null);
            json.put("signatures", List.of(signature));
        } else {
            json.put("signatures", null);
        }
        return json;
    }

    private static String der(X509Certificate certificate) {
        if (certificate == null) {
            return null;
        }
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a sandbox certificate could not be encoded", e);
        }
    }
}
