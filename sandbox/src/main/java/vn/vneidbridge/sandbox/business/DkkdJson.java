package vn.vneidbridge.sandbox.business;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.vneidbridge.core.id.TaxCode;
import vn.vneidbridge.core.id.VietnameseNames;
import vn.vneidbridge.sandbox.registry.RequestBodies;

/**
 * Reads and writes the business registry's JSON ({@code docs/business-registry-protocol.md}). Fields are strings; an
 * optional field may be absent, null or blank. Only {@code maSoDoanhNghiep} is required, and must be a valid code.
 */
final class DkkdJson {

    static final String PROCESSED = "00";
    static final String NOT_FOUND = "01";

    /** A request body that does not follow the protocol: a fixed description, never the body's text. */
    static final class MalformedRequest extends Exception {
        MalformedRequest(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A verification request.
     *
     * @param requestId    {@code maYeuCau}, echoed; null when not sent
     * @param taxCode      {@code maSoDoanhNghiep}
     * @param declaredName {@code tenDoanhNghiep}; null when not sent
     */
    record Request(String requestId, TaxCode taxCode, String declaredName) {
    }

    private DkkdJson() {
    }

    static Request parseRequest(byte[] body) throws MalformedRequest {
        Map<String, Object> json = parseObject(body);
        String code = string(json, "maSoDoanhNghiep");
        if (code == null) {
            throw new MalformedRequest("maSoDoanhNghiep is missing");
        }
        TaxCode taxCode = TaxCode.parse(code).number()
                .orElseThrow(() -> new MalformedRequest("maSoDoanhNghiep is not a tax code"));
        return new Request(string(json, "maYeuCau"), taxCode, string(json, "tenDoanhNghiep"));
    }

    /**
     * {@code maYeuCau}, {@code maKetQua}, then for {@code 00} the enterprise's record ({@code doanhNghiep}) or, with
     * {@code bareFlag}, only {@code ketQuaXacThuc}: true when the declared name is the registered one and the
     * enterprise is active.
     */
    static String answer(Request request, Optional<Enterprise> enterprise, boolean bareFlag) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (request.requestId() != null) {
            json.put("maYeuCau", request.requestId());
        }
        if (enterprise.isEmpty()) {
            json.put("maKetQua", NOT_FOUND);
            return JSONObjectUtils.toJSONString(json);
        }
        Enterprise found = enterprise.get();
        json.put("maKetQua", PROCESSED);
        if (bareFlag) {
            json.put("ketQuaXacThuc",
                    found.isActive() && VietnameseNames.sameName(found.name(), request.declaredName()));
        } else {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("maSoDoanhNghiep", found.taxCode());
            record.put("tenDoanhNghiep", found.name());
            record.put("tinhTrang", found.status());
            found.representativeName()
                    .ifPresent(name -> record.put("nguoiDaiDienTheoPhapLuat", Map.of("hoVaTen", name)));
            json.put("doanhNghiep", record);
        }
        return JSONObjectUtils.toJSONString(json);
    }

    /** A JSON object, strictly UTF-8; anything else is malformed ({@link RequestBodies#jsonObject}). */
    static Map<String, Object> parseObject(byte[] body) throws MalformedRequest {
        try {
            return RequestBodies.jsonObject(body);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequest(e.getMessage());
        }
    }

    /** A string member, trimmed; null when absent, null or blank. */
    private static String string(Map<String, Object> json, String key) throws MalformedRequest {
        Object value = json.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String)) {
            throw new MalformedRequest(key + " must be a string");
        }
        String text = ((String) value).strip();
        return text.isEmpty() ? null : text;
    }
}
