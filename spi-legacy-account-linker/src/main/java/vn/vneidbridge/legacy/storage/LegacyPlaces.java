package vn.vneidbridge.legacy.storage;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.models.UserModel;
import vn.vneidbridge.cccd.verification.CccdVerifier;
import vn.vneidbridge.cccd.verification.IdentityField;
import vn.vneidbridge.core.id.VietnameseNames;
import vn.vneidbridge.legacy.store.LegacyAccount;
import vn.vneidbridge.legacy.store.LegacyAccountPlaces;
import vn.vneidbridge.legacy.store.LegacyAccountStore;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * What a legacy row's optional columns {@code place_of_birth}, {@code home_town} and {@code permanent_address} give its
 * account: the person's places in words, claims of the old portal — written as the user's
 * {@code place_of_birth}, {@code home_town} and {@code permanent_address}, never marked verified (the identity page
 * shows them ✗ until the population database gives them). Read for citizens' and businesses' rows only. Each value
 * is trimmed and normalised ({@link VietnameseNames#normalize}); a blank one is none, and one longer than
 * {@value #MAX_LENGTH} characters is left out (logged at DEBUG with the legacy id only).
 *
 * @param values the row's places, by the identity page's field
 */
record LegacyPlaces(Map<IdentityField, String> values) {

    /** The contract's {@code varchar(255)}: a longer value is not a place the portal could have held. */
    static final int MAX_LENGTH = 255;
    /** No places: an organisation's row, a view without the columns, a row without places. */
    static final LegacyPlaces NONE = new LegacyPlaces(Map.of());
    /** The fields the columns give, in the contract's order. */
    static final List<IdentityField> FIELDS = List.of(IdentityField.PLACE_OF_BIRTH, IdentityField.HOME_TOWN,
            IdentityField.PERMANENT_ADDRESS);
    /** The user attributes the columns give. */
    static final Set<String> ATTRIBUTES = FIELDS.stream().map(IdentityField::attribute)
            .collect(Collectors.toUnmodifiableSet());

    private static final Logger LOG = Logger.getLogger(LegacyPlaces.class);

    LegacyPlaces {
        values = Map.copyOf(values);
    }

    /** Reads the columns of the row with a legacy id ({@code LegacyAccountStore#placesOf}). */
    @FunctionalInterface
    interface Column {

        /** For a view the places are not read from (nothing asks the database). */
        Column NOT_READ = legacyId -> Optional.empty();

        Optional<LegacyAccountStore.Places> of(String legacyId);
    }

    /**
     * The places of an account's row. An organisation's row is not read at all; a legacy database that does not answer
     * gives none (the login goes on without them).
     */
    static LegacyPlaces read(LegacyAccount account, Column column) {
        if (!LegacyAccountPlaces.isReadFor(account.type())) {
            return NONE;
        }
        Optional<LegacyAccountStore.Places> row;
        try {
            row = column.of(account.legacyId());
        } catch (LegacyDatabaseUnavailableException e) {
            LOG.debugf("legacy account %s: places not read, the legacy database did not answer", account.legacyId());
            return NONE;
        }
        return row.map(places -> of(account.legacyId(), places)).orElse(NONE);
    }

    /** The places of a row as it has them: trimmed, normalised, blank and too long ones left out. */
    static LegacyPlaces of(String legacyId, LegacyAccountStore.Places row) {
        Map<IdentityField, String> values = new EnumMap<>(IdentityField.class);
        put(values, legacyId, IdentityField.PLACE_OF_BIRTH, row.placeOfBirth());
        put(values, legacyId, IdentityField.HOME_TOWN, row.homeTown());
        put(values, legacyId, IdentityField.PERMANENT_ADDRESS, row.permanentAddress());
        return values.isEmpty() ? NONE : new LegacyPlaces(values);
    }

    /** The places as user attributes (none marks them verified). */
    Map<String, List<String>> attributes() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (IdentityField field : FIELDS) {
            String value = values.get(field);
            if (value != null) {
                attributes.put(field.attribute(), List.of(value));
            }
        }
        return attributes;
    }

    /**
     * Writes the places as the user's attributes, unverified: {@link CccdVerifier#VERIFIED_FIELDS} is never written,
     * and a place the population database gave (marked there) is kept.
     *
     * @return whether a place was written
     */
    boolean writeTo(UserModel user) {
        if (values.isEmpty()) {
            return false;
        }
        Set<String> verified = user.getAttributeStream(CccdVerifier.VERIFIED_FIELDS).collect(Collectors.toSet());
        boolean written = false;
        for (IdentityField field : FIELDS) {
            String value = values.get(field);
            if (value != null && !verified.contains(field.mark())) {
                user.setSingleAttribute(field.attribute(), value);
                written = true;
            }
        }
        return written;
    }

    /** Nothing of the values: they are personal data. */
    @Override
    public String toString() {
        return "LegacyPlaces" + values.keySet();
    }

    private static void put(Map<IdentityField, String> values, String legacyId, IdentityField field, String text) {
        String place = VietnameseNames.normalize(text == null ? null : text.strip());
        if (place.isEmpty()) {
            return;
        }
        if (place.codePointCount(0, place.length()) > MAX_LENGTH) {
            LOG.debugf("legacy account %s: its %s is longer than %d characters and left out", legacyId,
                    field.attribute(), MAX_LENGTH);
            return;
        }
        values.put(field, place);
    }
}
