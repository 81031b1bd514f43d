package vn.vneidbridge.cccd.registry;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.vneidbridge.core.id.FullNameParts;

/**
 * The LGSP gateway's JSON: writes the request, reads the answer. Absent and {@code null} optional fields are
 * the same; duplicate keys and trailing content make an answer {@code malformed-response}. The places of a record
 * ({@code noiDangKyKhaiSinh}, {@code queQuan}, {@code thuongTru}) are optional: one without words, or malformed, is
 * left out, never an error.
 */
final class LgspJsonCodec {


    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String unitCode;

    LgspJsonCodec(String unitCode) {
        this.unitCode = unitCode;
    }

    byte[] write(RegistryQuery query, String requestId) {
        ObjectNode request = JSON.createObjectNode()
                .put("maYeuCau", requestId)
                .put("maDVC", unitCode)
                .put("soDinhDanh", RegistryWireFormat.idNumber(query));
        RegistryWireFormat.cmnd(query).ifPresent(cmnd -> request.put("soCMND", cmnd));
        request.put("hoVaTen", RegistryWireFormat.fullName(query))
                .put("ngaySinh", RegistryWireFormat.birthDate(query));
        RegistryWireFormat.gender(query).ifPresent(gender -> request.put("gioiTinh", gender));
        try {
            return JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the LGSP request", e);
        }
    }

    static RegistryAnswer read(HttpReply reply) throws RegistryFailure {
        if (!reply.isOk()) {
            throw reply.statusFailure();
        }
        JsonNode answer = parse(reply.body());
        String code = required(text(answer, "maKetQua"));
        if (!RegistryWireFormat.PROCESSED.equals(code)) {
            return RegistryAnswer.withoutResult(code);
        }
        JsonNode citizen = present(answer, "congDan");
        if (citizen != null) {
            return new RegistryAnswer(code, Optional.of(record(citizen)), Optional.empty());
        }
        JsonNode flag = present(answer, "ketQuaXacThuc");
        if (flag == null) {
            return new RegistryAnswer(code, Optional.empty(), Optional.empty());
        }
        boolean matches = flag.isBoolean() ? flag.booleanValue() : RegistryWireFormat.parseFlag(flag.asText());
        return new RegistryAnswer(code, Optional.empty(), Optional.of(matches));
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

    private static RegistryRecord record(JsonNode citizen) throws RegistryFailure {
        if (!citizen.isObject()) {
            throw RegistryFailure.malformed();
        }
        return new RegistryRecord(
                required(text(citizen, "soDinhDanh")),
                text(citizen, "soCMND"),
                fullName(present(citizen, "hoVaTen")),
                RegistryWireFormat.parseDate(required(text(citizen, "ngaySinh"))),
                text(citizen, "gioiTinh").flatMap(RegistryWireFormat::parseGender),
                new RegistryPlaces(place(citizen, "noiDangKyKhaiSinh"), place(citizen, "queQuan"),
                        place(citizen, "thuongTru")));
    }

    /**
     * A place: an object of {@code diaChiDayDu} (the place in words) with {@code maTinhThanh}, {@code maQuanHuyen},
     * {@code maPhuongXa}. Empty when absent, without words, or malformed (not an object, words that are not a
     * string, a code that is an object, an array or not digits): an address never makes the identity check fail.
     */
    private static Optional<RegistryPlace> place(JsonNode citizen, String field) {
        JsonNode place = present(citizen, field);
        JsonNode inWords = place == null || !place.isObject() ? null : present(place, "diaChiDayDu");
        if (inWords == null || !inWords.isTextual()) {
            return Optional.empty();
        }
        try {
            Optional<String> words = RegistryWireFormat.placeWords(inWords.textValue());
            if (words.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new RegistryPlace(words.get(), placeCode(place, "maTinhThanh"),
                    placeCode(place, "maQuanHuyen"), placeCode(place, "maPhuongXa")));
        } catch (RegistryFailure | IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<String> placeCode(JsonNode place, String field) throws RegistryFailure {
        Optional<String> code = text(place, field);
        if (code.isPresent() && !RegistryWireFormat.isPlaceCode(code.get())) {
            throw RegistryFailure.malformed();
        }
        return code;
    }


    /** {@code hoVaTen} as a string, or split as {@code {ho, chuDem, ten}}. */
    private static String fullName(JsonNode name) throws RegistryFailure {
        String joined = "";
        if (name != null && name.isObject()) {
            joined = new FullNameParts(text(name, "ho").orElse(""), text(name, "chuDem").orElse(""),
                    text(name, "ten").orElse("")).fullName();
        } else if (name != null && name.isTextual()) {
            joined = name.textValue().strip();
        }
        if (joined.isEmpty()) {
            throw RegistryFailure.malformed();
        }
        return joined;
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
