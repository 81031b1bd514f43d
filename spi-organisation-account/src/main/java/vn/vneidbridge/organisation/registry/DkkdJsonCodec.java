package vn.vneidbridge.organisation.registry;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.vneidbridge.cccd.registry.HttpReply;
import vn.vneidbridge.cccd.registry.RegistryFailure;
import vn.vneidbridge.core.id.TaxCode;
import vn.vneidbridge.core.id.VietnameseNames;

/**
 * The {@code dkkd-json} wire format ({@code docs/business-registry-protocol.md}): writes the request, reads the answer
 * and decides what it means for the query. Absent and {@code null} optional fields are the same; duplicate keys,
 * trailing content, a missing required field and an answer over {@value #MAX_ANSWER_BYTES} bytes make the answer
 * unavailable. The legal representative is optional: one that is malformed is left out, never an error.
 */
final class DkkdJsonCodec {

    static final String PROCESSED = "00";
    static final String NOT_FOUND = "01";
    static final String REGISTRY_ERROR = "99";
    /** The one active status ("đang hoạt động"). */
    static final String ACTIVE = "DANG_HOAT_DONG";
    /** An answer is a few hundred bytes; anything over this is not one. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    /** A status is a code word: upper-case ASCII letters, digits and underscores. */
    private static final Pattern STATUS = Pattern.compile("[A-Z0-9_]{1,64}");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String unitCode;

    DkkdJsonCodec(String unitCode) {
        this.unitCode = unitCode;
    }

    /** {@code maYeuCau}, {@code maDVC}, {@code maSoDoanhNghiep} (canonical), {@code tenDoanhNghiep} (upper case). */
    byte[] write(BusinessQuery query, String requestId) {
        ObjectNode request = JSON.createObjectNode()
                .put("maYeuCau", requestId)
                .put("maDVC", unitCode)
                .put("maSoDoanhNghiep", query.taxCode().value())
                .put("tenDoanhNghiep", VietnameseNames.upperCaseForRegistry(query.declaredName()));
        try {
            return JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the dkkd-json request", e);
        }
    }

    /** What the registry's HTTP answer means for the query; never throws. */
    static BusinessResult read(HttpReply reply, BusinessQuery query) {
        try {
            return evaluate(reply, query);
        } catch (RegistryFailure failure) {
            return new BusinessResult.Unavailable(failure.reason());
        }
    }

    /**
     * The order of {@link BusinessResult}: not found; a name that is not the registered one (whatever the status);
     * not active; else a match.
     */
    static BusinessResult compare(BusinessRecord record, BusinessQuery query) {
        if (!VietnameseNames.sameName(record.name(), query.declaredName())) {
            return new BusinessResult.NameMismatch();
        }
        if (!ACTIVE.equals(record.status())) {
            return new BusinessResult.Inactive(record.status());
        }
        return new BusinessResult.Match(record);
    }

    private static BusinessResult evaluate(HttpReply reply, BusinessQuery query) throws RegistryFailure {
        if (!reply.isOk()) {
            throw reply.statusFailure();
        }
        if (reply.body().length > MAX_ANSWER_BYTES) {
            throw new RegistryFailure("response-too-large");
        }
        JsonNode answer = parse(reply.body());
        String code = required(text(answer, "maKetQua"));
        switch (code) {
            case PROCESSED:
                return processed(answer, query);
            case NOT_FOUND:
                return new BusinessResult.NotFound();
            case REGISTRY_ERROR:
                throw new RegistryFailure("registry-error");
            default:
                throw new RegistryFailure("unexpected-result-code");
        }
    }

    /** A record wins over a flag when a service sends both; neither is malformed. */
    private static BusinessResult processed(JsonNode answer, BusinessQuery query) throws RegistryFailure {
        JsonNode enterprise = present(answer, "doanhNghiep");
        if (enterprise != null) {
            return compare(record(enterprise, query), query);
        }
        JsonNode flag = present(answer, "ketQuaXacThuc");
        if (flag == null) {
            throw RegistryFailure.malformed();
        }
        if (!flag(flag)) {
            return new BusinessResult.NameMismatch();
        }
        return new BusinessResult.Match(new BusinessRecord(query.taxCode().value(), query.declaredName(), ACTIVE,
                Optional.empty()));
    }

    private static BusinessRecord record(JsonNode enterprise, BusinessQuery query) throws RegistryFailure {
        if (!enterprise.isObject()) {
            throw RegistryFailure.malformed();
        }
        TaxCode code = TaxCode.parse(required(text(enterprise, "maSoDoanhNghiep"))).number()
                .orElseThrow(RegistryFailure::malformed);
        if (!code.equals(query.taxCode())) {
            throw new RegistryFailure("unexpected-record");
        }
        String name = required(text(enterprise, "tenDoanhNghiep"));
        String status = required(text(enterprise, "tinhTrang"));
        if (!STATUS.matcher(status).matches()) {
            throw RegistryFailure.malformed();
        }
        return new BusinessRecord(code.value(), name, status, representative(enterprise));
    }

    /** {@code nguoiDaiDienTheoPhapLuat.hoVaTen}; empty when absent, blank or malformed. */
    private static Optional<String> representative(JsonNode enterprise) {
        JsonNode person = present(enterprise, "nguoiDaiDienTheoPhapLuat");
        JsonNode name = person == null || !person.isObject() ? null : present(person, "hoVaTen");
        if (name == null || !name.isTextual()) {
            return Optional.empty();
        }
        return Optional.of(name.textValue().strip()).filter(text -> !text.isEmpty());
    }

    /** {@code true} / {@code false}, as a JSON boolean or as text in any case. */
    private static boolean flag(JsonNode flag) throws RegistryFailure {
        if (flag.isBoolean()) {
            return flag.booleanValue();
        }
        String text = flag.isTextual() ? flag.textValue().strip() : "";
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text)) {
            return false;
        }
        throw RegistryFailure.malformed();
    }

    private static JsonNode parse(byte[] body) throws RegistryFailure {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw RegistryFailure.malformed();
            }
            return node;
        } catch (IOException e) {
            throw RegistryFailure.malformed();
        }
    }

    /** A member that is there and not {@code null}, or null. */
    private static JsonNode present(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** A scalar member as trimmed text; empty when absent, null or blank. */
    private static Optional<String> text(JsonNode object, String field) throws RegistryFailure {
        JsonNode value = present(object, field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw RegistryFailure.malformed();
        }
        return Optional.of(value.asText().strip()).filter(text -> !text.isEmpty());
    }

    private static String required(Optional<String> value) throws RegistryFailure {
        if (value.isEmpty()) {
            throw RegistryFailure.malformed();
        }
        return value.get();
    }
}
