package vn.vneidbridge.sandbox.registry;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.vneidbridge.core.id.VietnameseNames;

/**
 * Reads and writes the LGSP gateway's JSON ({@code docs/population-registry-protocols.md}). Fields are strings;
 * an optional field may be absent, null or blank. Only {@code soDinhDanh} is required.
 */
final class LgspJsonCodec {

    private LgspJsonCodec() {
    }

    static VerificationRequest parseRequest(byte[] body) throws MalformedRequestException {
        Map<String, Object> json = parseObject(body);
        String idNumber = string(json, "soDinhDanh");
        if (idNumber == null) {
            throw new MalformedRequestException("soDinhDanh is missing");
        }
        String birth = string(json, "ngaySinh");
        String gender = string(json, "gioiTinh");
        LocalDate birthDate = birth == null ? null : RegistryFormats.parseDate(birth, "ngaySinh");
        return new VerificationRequest(string(json, "maYeuCau"), idNumber, string(json, "soCMND"),
                string(json, "hoVaTen"), birthDate, null,
                gender == null ? null : RegistryFormats.parseGender(gender, "gioiTinh"));
    }

    /**
     * {@code maYeuCau}, {@code maKetQua}, then {@code congDan} (with the citizen's places) or {@code ketQuaXacThuc}
     * for {@code 00}.
     */
    static String answer(VerificationAnswer answer) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (answer.requestId() != null) {
            json.put("maYeuCau", answer.requestId());
        }
        json.put("maKetQua", answer.resultCode());
        if (answer.matchFlag().isPresent()) {
            json.put("ketQuaXacThuc", answer.matchFlag().get());
        } else {
            answer.citizen().ifPresent(citizen -> json.put("congDan", citizen(citizen)));
        }
        return JSONObjectUtils.toJSONString(json);
    }

    /** A JSON object, strictly UTF-8; anything else is malformed ({@link RequestBodies#jsonObject}). */
    static Map<String, Object> parseObject(byte[] body) throws MalformedRequestException {
        try {
            return RequestBodies.jsonObject(body);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException(e.getMessage());
        }
    }

    private static Map<String, Object> citizen(Citizen citizen) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("soDinhDanh", citizen.idNumber());
        citizen.cmnd().ifPresent(cmnd -> json.put("soCMND", cmnd));
        json.put("hoVaTen", VietnameseNames.upperCaseForRegistry(citizen.fullName()));
        json.put("ngaySinh", RegistryFormats.formatDate(citizen.birthDate()));
        json.put("gioiTinh", RegistryFormats.genderCode(citizen.gender()));
        citizen.birthRegistration().ifPresent(place -> json.put("noiDangKyKhaiSinh", place(place)));
        citizen.homeTown().ifPresent(place -> json.put("queQuan", place(place)));
        citizen.permanentResidence().ifPresent(place -> json.put("thuongTru", place(place)));
        return json;
    }

    /** A place: its codes when known, then the place in words ({@code diaChiDayDu}). */
    private static Map<String, Object> place(Citizen.Place place) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (place.provinceCode() != null) {
            json.put("maTinhThanh", place.provinceCode());
        }
        if (place.districtCode() != null) {
            json.put("maQuanHuyen", place.districtCode());
        }
        if (place.wardCode() != null) {
            json.put("maPhuongXa", place.wardCode());
        }
        json.put("diaChiDayDu", place.text());
        return json;
    }

    /** The stripped string value, null when absent, null or blank; another type is malformed. */
    private static String string(Map<String, Object> json, String key) throws MalformedRequestException {
        Object value = json.get(key);
        if (value == null || value instanceof String) {
            return RegistryFormats.sent((String) value);
        }
        throw new MalformedRequestException(key + " must be a string");
    }
}
