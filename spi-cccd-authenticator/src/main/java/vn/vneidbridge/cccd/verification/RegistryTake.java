package vn.vneidbridge.cccd.verification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import vn.vneidbridge.cccd.registry.RegistryPlace;
import vn.vneidbridge.cccd.registry.RegistryRecord;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.id.VietnameseNames;

/**
 * What "Cập nhật từ CSDL Quốc gia về Dân cư" takes from the population database's record into the account: every
 * field the record gives — the name (written as names are on the page, the account's own spelling kept when it is
 * the same name), birth date, gender, old CMND, place of birth, home town and permanent address — and which of
 * them this changes. Pure: the record in, the values and the changes out.
 *
 * @param values  the value of each field the record gives, as its user attribute holds it
 * @param changed the fields whose value differs from the account's, in the page's order
 */
public record RegistryTake(Map<IdentityField, String> values, List<IdentityField> changed) {

    public RegistryTake {
        EnumMap<IdentityField, String> copy = new EnumMap<>(IdentityField.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
        changed = List.copyOf(changed);
    }

    /**
     * @param current the account's value of a user attribute ({@code user::getFirstAttribute})
     * @param record  the citizen's record, as the registry gave it on a match
     */
    public static RegistryTake of(UnaryOperator<String> current, RegistryRecord record) {
        Map<IdentityField, String> values = new EnumMap<>(IdentityField.class);
        String name = current.apply(IdentityField.FULL_NAME.attribute());
        values.put(IdentityField.FULL_NAME, VietnameseNames.sameName(name, record.fullName())
                ? name : VietnameseNames.displayCase(record.fullName()));
        values.put(IdentityField.BIRTH_DATE, record.birthDate().toString());
        record.gender().ifPresent(gender -> values.put(IdentityField.GENDER,
                gender == Gender.MALE ? "male" : "female"));
        record.cmnd().filter(cmnd -> !cmnd.isBlank()).ifPresent(cmnd -> values.put(IdentityField.CMND, cmnd));
        place(values, IdentityField.PLACE_OF_BIRTH, record.places().birthRegistration());
        place(values, IdentityField.HOME_TOWN, record.places().homeTown());
        place(values, IdentityField.PERMANENT_ADDRESS, record.places().permanentResidence());
        List<IdentityField> changed = new ArrayList<>();
        values.forEach((field, value) -> {
            if (!Objects.equals(value, current.apply(field.attribute()))) {
                changed.add(field);
            }
        });
        return new RegistryTake(values, changed);
    }

    private static void place(Map<IdentityField, String> values, IdentityField field, Optional<RegistryPlace> place) {
        place.ifPresent(given -> values.put(field, given.text()));
    }
}
