package vn.vneidbridge.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.cccd.verification.CccdVerifier;
import vn.vneidbridge.cccd.verification.IdentityField;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.store.LegacyAccount;
import vn.vneidbridge.legacy.store.LegacyAccountStore;
import vn.vneidbridge.legacy.store.LegacyAccountType;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * The legacy row's optional columns {@code place_of_birth}, {@code home_town} and {@code permanent_address} on their
 * way into Keycloak: read for citizens' and businesses' rows only, trimmed and normalised, at most 255 characters,
 * written as the user's places, never marked verified, never over a place the population database gave.
 */
class LegacyPlacesTest {

    static final String BIRTH = "Bệnh viện Phụ sản Hà Nội";
    static final String HOME = "Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định";
    static final String ADDRESS = "Số 12 phố Hàng Bài, Phường Hàng Bài, Quận Hoàn Kiếm, Hà Nội";

    static LegacyAccount account(String legacyId, LegacyAccountType type) {
        return LegacyTaxCodeTest.account(legacyId, type);
    }

    /** A view whose places are these for every row, counting its reads. */
    static final class View implements LegacyPlaces.Column {

        final AtomicInteger reads = new AtomicInteger();
        private final LegacyAccountStore.Places places;

        View(String placeOfBirth, String homeTown, String permanentAddress) {
            this.places = new LegacyAccountStore.Places(placeOfBirth, homeTown, permanentAddress);
        }

        @Override
        public Optional<LegacyAccountStore.Places> of(String legacyId) {
            reads.incrementAndGet();
            return Optional.of(places);
        }
    }

    /** A Keycloak user holding these attributes, recording what is written to it. */
    static final class User {

        final Map<String, List<String>> attributes = new HashMap<>();
        final List<String> written = new ArrayList<>();
        final UserModel model = (UserModel) Proxy.newProxyInstance(UserModel.class.getClassLoader(),
                new Class<?>[] {UserModel.class}, (self, method, args) -> {
                    switch (method.getName()) {
                        case "getFirstAttribute":
                            List<String> values = attributes.getOrDefault((String) args[0], List.of());
                            return values.isEmpty() ? null : values.get(0);
                        case "getAttributeStream":
                            return attributes.getOrDefault((String) args[0], List.of()).stream();
                        case "setSingleAttribute":
                            written.add((String) args[0]);
                            attributes.put((String) args[0], List.of((String) args[1]));
                            return null;
                        case "toString":
                            return "User" + attributes;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });

        User with(String name, String... values) {
            attributes.put(name, List.of(values));
            return this;
        }

        String value(String name) {
            List<String> values = attributes.getOrDefault(name, List.of());
            return values.isEmpty() ? null : values.get(0);
        }
    }

    @Nested
    class GivenACitizensRowWithPlaces {

        @Test
        void thenTheyAreReadTrimmedAndNormalised() {
            String decomposed = Normalizer.normalize(HOME, Normalizer.Form.NFD);

            LegacyPlaces places = LegacyPlaces.read(account("L-1", LegacyAccountType.CITIZEN),
                    new View("  Bệnh viện   Phụ sản\tHà Nội ", decomposed, ADDRESS + "\u200B"));

            assertThat(places.values()).containsOnly(
                    Map.entry(IdentityField.PLACE_OF_BIRTH, BIRTH),
                    Map.entry(IdentityField.HOME_TOWN, HOME),
                    Map.entry(IdentityField.PERMANENT_ADDRESS, ADDRESS));
        }

        @Test
        void thenABusinessRowIsReadToo() {
            View view = new View(BIRTH, HOME, ADDRESS);

            assertThat(LegacyPlaces.read(account("L-8", LegacyAccountType.BUSINESS), view).values()).hasSize(3);
            assertThat(view.reads).hasValue(1);
        }

        @Test
        void thenTheImportWritesThemUnverified() {
            User user = new User();

            boolean written = LegacyPlaces.read(account("L-1", LegacyAccountType.CITIZEN),
                    new View(BIRTH, HOME, ADDRESS)).writeTo(user.model);

            assertThat(written).isTrue();
            assertThat(user.written).containsExactly(UserAttributes.PLACE_OF_BIRTH, UserAttributes.HOME_TOWN,
                    UserAttributes.PERMANENT_ADDRESS);
            assertThat(user.value(UserAttributes.PLACE_OF_BIRTH)).isEqualTo(BIRTH);
            assertThat(user.value(UserAttributes.HOME_TOWN)).isEqualTo(HOME);
            assertThat(user.value(UserAttributes.PERMANENT_ADDRESS)).isEqualTo(ADDRESS);
            assertThat(user.attributes).doesNotContainKey(CccdVerifier.VERIFIED_FIELDS);
        }

        @Test
        void thenTheAccountsAttributesCarryThemAndNeverAsVerified() {
            LegacyAccount account = account("L-1", LegacyAccountType.CITIZEN);

            Map<String, List<String>> attributes = LegacyAccountAttributes.of(account, LegacyTaxCode.NONE,
                    LegacyPlaces.read(account, new View(BIRTH, null, ADDRESS)));

            assertThat(attributes).containsEntry(UserAttributes.PLACE_OF_BIRTH, List.of(BIRTH))
                    .containsEntry(UserAttributes.PERMANENT_ADDRESS, List.of(ADDRESS))
                    .doesNotContainKeys(UserAttributes.HOME_TOWN, CccdVerifier.VERIFIED_FIELDS)
                    .containsAllEntriesOf(LegacyAccountAttributes.of(account));
        }

        @Test
        void thenTheirValuesAreNotShownByToString() {
            LegacyPlaces places = LegacyPlaces.read(account("L-1", LegacyAccountType.CITIZEN),
                    new View(BIRTH, HOME, ADDRESS));

            assertThat(places.toString()).doesNotContain("Hà Nội", "Bình Định");
            assertThat(new LegacyAccountStore.Places(BIRTH, HOME, ADDRESS).toString()).doesNotContain("Hà Nội");
        }
    }

    @Nested
    class GivenAPlaceLongerThanTheColumn {

        @Test
        void thenItAloneIsLeftOut() {
            LegacyPlaces places = LegacyPlaces.read(account("L-1", LegacyAccountType.CITIZEN),
                    new View("a".repeat(256), HOME, ADDRESS));

            assertThat(places.values()).containsOnlyKeys(IdentityField.HOME_TOWN, IdentityField.PERMANENT_ADDRESS);
        }

        @Test
        void then255CharactersAreKeptCountedAfterTrimmingAndNormalising() {
            String decomposed = Normalizer.normalize("ệ", Normalizer.Form.NFD).repeat(255);
            String astral = "\uD835\uDD38".repeat(255); // 255 characters, 510 UTF-16 units

            LegacyPlaces places = LegacyPlaces.read(account("L-1", LegacyAccountType.CITIZEN),
                    new View("  " + "a".repeat(255) + "  ", decomposed, astral));

            assertThat(places.values()).containsOnly(
                    Map.entry(IdentityField.PLACE_OF_BIRTH, "a".repeat(255)),
                    Map.entry(IdentityField.HOME_TOWN, "ệ".repeat(255)),
                    Map.entry(IdentityField.PERMANENT_ADDRESS, astral));
        }
    }

    @Nested
    class GivenARowWithoutPlaces {

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\u200B", " \t\n "})
        void thenBlankOnesAreNone(String blank) {
            User user = new User();

            LegacyPlaces places = LegacyPlaces.read(account("L-1", LegacyAccountType.CITIZEN),
                    new View(blank, blank, null));

            assertThat(places).isEqualTo(LegacyPlaces.NONE);
            assertThat(places.writeTo(user.model)).isFalse();
            assertThat(user.written).isEmpty();
        }

        @Test
        void thenAViewWithoutTheColumnsGivesNone() {
            // the store answers empty for a view without the columns (LegacyAccountStore.placesOf)
            assertThat(LegacyPlaces.read(account("L-1", LegacyAccountType.CITIZEN), legacyId -> Optional.empty()))
                    .isEqualTo(LegacyPlaces.NONE);
            assertThat(LegacyPlaces.read(account("L-1", LegacyAccountType.CITIZEN), LegacyPlaces.Column.NOT_READ))
                    .isEqualTo(LegacyPlaces.NONE);
        }
    }

    @Nested
    class GivenAnOrganisationsRow {

        @Test
        void thenItsColumnsAreNotEvenRead() {
            View view = new View(BIRTH, HOME, ADDRESS);
            User user = new User();

            LegacyPlaces places = LegacyPlaces.read(account("L-7", LegacyAccountType.ORGANISATION), view);

            assertThat(places).isEqualTo(LegacyPlaces.NONE);
            assertThat(view.reads).hasValue(0);
            assertThat(places.writeTo(user.model)).isFalse();
        }
    }

    @Nested
    class GivenAUserWhosePlacesThePopulationDatabaseGave {

        @ParameterizedTest
        @EnumSource(value = IdentityField.class, names = {"PLACE_OF_BIRTH", "HOME_TOWN", "PERMANENT_ADDRESS"})
        void thenTheLegacyRowNeverOverwritesAVerifiedOne(IdentityField field) {
            User user = new User().with(field.attribute(), "Theo CSDL Quốc gia về Dân cư")
                    .with(CccdVerifier.VERIFIED_FIELDS, field.mark(), IdentityField.FULL_NAME.mark());

            boolean written = LegacyPlaces.read(account("L-1", LegacyAccountType.CITIZEN),
                    new View(BIRTH, HOME, ADDRESS)).writeTo(user.model);

            assertThat(written).as("the two others").isTrue();
            assertThat(user.value(field.attribute())).isEqualTo("Theo CSDL Quốc gia về Dân cư");
            assertThat(user.written).hasSize(2).doesNotContain(field.attribute(), CccdVerifier.VERIFIED_FIELDS);
            assertThat(user.attributes.get(CccdVerifier.VERIFIED_FIELDS))
                    .containsExactly(field.mark(), IdentityField.FULL_NAME.mark());
        }
    }

    @Nested
    class GivenALegacyDatabaseThatDoesNotAnswer {

        @Test
        void thenThereAreNoPlacesAndTheImportGoesOn() {
            LegacyPlaces.Column down = legacyId -> {
                throw new LegacyDatabaseUnavailableException("down", new SQLException("refused", "08001"));
            };

            assertThat(LegacyPlaces.read(account("L-1", LegacyAccountType.CITIZEN), down))
                    .isEqualTo(LegacyPlaces.NONE);
        }
    }

    @Nested
    class GivenTheViewOfAnAccountNotImportedYet {

        private LegacyUserAdapter adapter(LegacyAccount account, LegacyTaxCode.Column taxCodes, View view) {
            ComponentModel provider = new ComponentModel();
            provider.setId("legacy-provider-id");
            return new LegacyUserAdapter(null, null, provider, account, taxCodes, view);
        }

        @Test
        void thenItsOtherAttributesAndItsTaxCodeDoNotReadThem() {
            View view = new View(BIRTH, HOME, ADDRESS);
            LegacyUserAdapter user = adapter(account("L-8", LegacyAccountType.BUSINESS),
                    new LegacyTaxCodeTest.View(LegacyTaxCodeTest.CODE), view);

            assertThat(user.getFirstAttribute(UserAttributes.LEGACY_ACCOUNT_TYPE)).isEqualTo("BUSINESS");
            assertThat(user.getFirstAttribute(UserAttributes.TAX_CODE)).isEqualTo(LegacyTaxCodeTest.CODE);
            assertThat(view.reads).hasValue(0);
        }

        @Test
        void thenItsPlacesAreReadOnceWhenAskedFor() {
            View view = new View(" " + BIRTH + " ", HOME, null);
            LegacyUserAdapter user = adapter(account("L-1", LegacyAccountType.CITIZEN),
                    LegacyTaxCode.Column.NOT_READ, view);

            assertThat(user.getFirstAttribute(UserAttributes.PLACE_OF_BIRTH)).isEqualTo(BIRTH);
            assertThat(user.getAttributeStream(UserAttributes.HOME_TOWN)).containsExactly(HOME);
            assertThat(user.getFirstAttribute(UserAttributes.PERMANENT_ADDRESS)).isNull();
            assertThat(user.getAttributes()).containsEntry(UserAttributes.PLACE_OF_BIRTH, List.of(BIRTH))
                    .containsEntry(UserAttributes.HOME_TOWN, List.of(HOME))
                    .doesNotContainKeys(UserAttributes.PERMANENT_ADDRESS, CccdVerifier.VERIFIED_FIELDS);
            assertThat(view.reads).hasValue(1);
        }

        @Test
        void thenAnOrganisationsViewHasNoPlacesAndReadsNothing() {
            View view = new View(BIRTH, HOME, ADDRESS);
            LegacyUserAdapter user = adapter(account("L-7", LegacyAccountType.ORGANISATION),
                    LegacyTaxCode.Column.NOT_READ, view);

            assertThat(user.getFirstAttribute(UserAttributes.PLACE_OF_BIRTH)).isNull();
            assertThat(user.getAttributes()).doesNotContainKeys(UserAttributes.PLACE_OF_BIRTH,
                    UserAttributes.HOME_TOWN, UserAttributes.PERMANENT_ADDRESS);
            assertThat(view.reads).hasValue(0);
        }
    }
}
