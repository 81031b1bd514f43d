package vn.vneidbridge.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.store.LegacyAccount;
import vn.vneidbridge.legacy.store.LegacyAccountType;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * The legacy row's optional column {@code tax_code} on its way into Keycloak: read for organisations' and businesses'
 * rows only, written in canonical form as the user's {@code tax_code}, never as verified, never over a verified code;
 * a malformed code is left out and the account works as without one.
 */
class LegacyTaxCodeTest {

    /** The sandbox's Công ty TNHH ABC. */
    static final String CODE = "0312345673";

    static LegacyAccount account(String legacyId, LegacyAccountType type) {
        LegacyAccount row = FailedLoginHashWorkTest.row("md5", FailedLoginHashWorkTest.hex("MD5", "x"), null, null,
                true);
        return new LegacyAccount(legacyId, "user." + legacyId.toLowerCase(Locale.ROOT), row.password(),
                "Công ty TNHH ABC", null, Optional.empty(), Optional.empty(), Optional.empty(), false, "0909123456",
                null, type, false, true);
    }

    /** A view whose {@code tax_code} is {@code value} for every row, counting its reads. */
    static final class View implements LegacyTaxCode.Column {

        final AtomicInteger reads = new AtomicInteger();
        private final String value;

        View(String value) {
            this.value = value;
        }

        @Override
        public Optional<String> of(String legacyId) {
            reads.incrementAndGet();
            return Optional.ofNullable(value);
        }
    }

    /** A Keycloak user holding these attributes, recording what is written to it. */
    static final class User {

        final Map<String, String> attributes = new HashMap<>();
        final List<String> written = new ArrayList<>();
        final UserModel model = (UserModel) Proxy.newProxyInstance(UserModel.class.getClassLoader(),
                new Class<?>[] {UserModel.class}, (self, method, args) -> {
                    switch (method.getName()) {
                        case "getFirstAttribute":
                            return attributes.get((String) args[0]);
                        case "setSingleAttribute":
                            written.add((String) args[0]);
                            attributes.put((String) args[0], (String) args[1]);
                            return null;
                        case "toString":
                            return "User" + attributes;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });

        User with(String name, String value) {
            attributes.put(name, value);
            return this;
        }
    }

    @Nested
    class GivenAnOrganisationsRowWithAValidCode {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "0312345673         | 0312345673",
            "'  0312345673 '    | 0312345673",
            "0312345673001      | 0312345673-001",
            "0312345673-001     | 0312345673-001",
        })
        void thenTheCodeIsReadInCanonicalForm(String column, String canonical) {
            LegacyTaxCode taxCode = LegacyTaxCode.read(account("L-7", LegacyAccountType.ORGANISATION),
                    new View(column));

            assertThat(taxCode.code()).hasValueSatisfying(code -> assertThat(code.value()).isEqualTo(canonical));
            assertThat(taxCode.malformed()).isFalse();
        }

        @Test
        void thenABusinessRowIsReadToo() {
            View view = new View(CODE);

            assertThat(LegacyTaxCode.read(account("L-8", LegacyAccountType.BUSINESS), view).code()).isPresent();
            assertThat(view.reads).hasValue(1);
        }

        @Test
        void thenTheImportWritesItUnverified() {
            User user = new User();

            boolean written = LegacyTaxCode.read(account("L-7", LegacyAccountType.ORGANISATION), new View(CODE))
                    .writeTo(user.model);

            assertThat(written).isTrue();
            assertThat(user.attributes).containsEntry(UserAttributes.TAX_CODE, CODE)
                    .doesNotContainKey(UserAttributes.TAX_CODE_VERIFIED);
            assertThat(user.written).containsExactly(UserAttributes.TAX_CODE);
        }

        @Test
        void thenTheAccountsAttributesCarryItAndNeverAsVerified() {
            LegacyAccount account = account("L-7", LegacyAccountType.ORGANISATION);

            Map<String, List<String>> attributes = LegacyAccountAttributes.of(account,
                    LegacyTaxCode.read(account, new View("0312345673001")));

            assertThat(attributes).containsEntry(UserAttributes.TAX_CODE, List.of("0312345673-001"))
                    .containsEntry(UserAttributes.LEGACY_ACCOUNT_TYPE, List.of("ORGANISATION"))
                    .doesNotContainKeys(UserAttributes.TAX_CODE_VERIFIED, UserAttributes.TAX_CODE_VERIFIED_SOURCE);
            assertThat(attributes).containsAllEntriesOf(LegacyAccountAttributes.of(account));
        }
    }

    @Nested
    class GivenAUserWhoseCodeIsVerified {

        @Test
        void thenTheLegacyRowNeverOverwritesIt() {
            User user = new User().with(UserAttributes.TAX_CODE, "0100109106")
                    .with(UserAttributes.TAX_CODE_VERIFIED, "true");

            boolean written = LegacyTaxCode.read(account("L-7", LegacyAccountType.ORGANISATION), new View(CODE))
                    .writeTo(user.model);

            assertThat(written).isFalse();
            assertThat(user.attributes).containsEntry(UserAttributes.TAX_CODE, "0100109106")
                    .containsEntry(UserAttributes.TAX_CODE_VERIFIED, "true");
            assertThat(user.written).isEmpty();
        }

        @Test
        void thenAnUnverifiedCodeIsReplacedByTheRowsStill() {
            User user = new User().with(UserAttributes.TAX_CODE, "0100109106")
                    .with(UserAttributes.TAX_CODE_VERIFIED, "false");

            LegacyTaxCode.read(account("L-7", LegacyAccountType.ORGANISATION), new View(CODE)).writeTo(user.model);

            assertThat(user.attributes).containsEntry(UserAttributes.TAX_CODE, CODE)
                    .containsEntry(UserAttributes.TAX_CODE_VERIFIED, "false");
            assertThat(user.written).containsExactly(UserAttributes.TAX_CODE);
        }
    }

    @Nested
    class GivenAMalformedCode {

        @ParameterizedTest
        @ValueSource(strings = {"0312345674", "MST0312345673", "031234567", "0312345673-000", "0312 345 673",
            "0312345673-01", "03123456730011"})
        void thenItIsLeftOutAndTheAccountWorksAsWithoutOne(String column) {
            LegacyAccount account = account("L-9", LegacyAccountType.ORGANISATION);
            User user = new User();

            LegacyTaxCode taxCode = LegacyTaxCode.read(account, new View(column));

            assertThat(taxCode.code()).isEmpty();
            assertThat(taxCode.malformed()).as("said, for the import's event").isTrue();
            assertThat(taxCode.writeTo(user.model)).isFalse();
            assertThat(user.written).isEmpty();
            assertThat(LegacyAccountAttributes.of(account, taxCode)).isEqualTo(LegacyAccountAttributes.of(account));
        }

        @Test
        void thenItsProblemDetailNamesNoValue() {
            assertThat(LegacyTaxCode.MALFORMED).isEqualTo("malformed-tax-code");
        }
    }

    @Nested
    class GivenARowWithoutACode {

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void thenThereIsNoneAndNothingIsMalformed(String column) {
            assertThat(LegacyTaxCode.read(account("L-7", LegacyAccountType.ORGANISATION), new View(column)))
                    .isEqualTo(LegacyTaxCode.NONE);
        }

        @Test
        void thenAViewWithoutTheColumnGivesNone() {
            // the store answers empty for a view without the column (LegacyAccountStore.hasTaxCodes)
            assertThat(LegacyTaxCode.read(account("L-7", LegacyAccountType.ORGANISATION), new View(null)))
                    .isEqualTo(LegacyTaxCode.NONE);
            assertThat(LegacyTaxCode.read(account("L-7", LegacyAccountType.ORGANISATION),
                    LegacyTaxCode.Column.NOT_READ)).isEqualTo(LegacyTaxCode.NONE);
        }
    }

    @Nested
    class GivenACitizensRow {

        @Test
        void thenItsColumnIsNotEvenRead() {
            View view = new View(CODE);
            User user = new User();

            LegacyTaxCode taxCode = LegacyTaxCode.read(account("L-1", LegacyAccountType.CITIZEN), view);

            assertThat(taxCode).isEqualTo(LegacyTaxCode.NONE);
            assertThat(view.reads).hasValue(0);
            assertThat(taxCode.writeTo(user.model)).isFalse();
            assertThat(user.written).isEmpty();
        }
    }

    @Nested
    class GivenALegacyDatabaseThatDoesNotAnswer {

        @Test
        void thenThereIsNoCodeAndTheImportGoesOn() {
            LegacyTaxCode.Column down = legacyId -> {
                throw new LegacyDatabaseUnavailableException("down", new SQLException("refused", "08001"));
            };

            assertThat(LegacyTaxCode.read(account("L-7", LegacyAccountType.ORGANISATION), down))
                    .isEqualTo(LegacyTaxCode.NONE);
        }
    }

    @Nested
    class GivenTheViewOfAnAccountNotImportedYet {

        private LegacyUserAdapter adapter(LegacyAccount account, View view) {
            ComponentModel provider = new ComponentModel();
            provider.setId("legacy-provider-id");
            return new LegacyUserAdapter(null, null, provider, account, view, LegacyPlaces.Column.NOT_READ);
        }

        @Test
        void thenItsOtherAttributesDoNotReadTheColumn() {
            View view = new View(CODE);
            LegacyUserAdapter user = adapter(account("L-7", LegacyAccountType.ORGANISATION), view);

            assertThat(user.getFirstAttribute(UserAttributes.LEGACY_ACCOUNT_TYPE)).isEqualTo("ORGANISATION");
            assertThat(user.getAttributeStream(UserAttributes.PHONE_NUMBER)).containsExactly("0909123456");
            assertThat(view.reads).hasValue(0);
        }

        @Test
        void thenItsTaxCodeIsReadOnceWhenAskedFor() {
            View view = new View(" 0312345673001 ");
            LegacyUserAdapter user = adapter(account("L-7", LegacyAccountType.ORGANISATION), view);

            assertThat(user.getFirstAttribute(UserAttributes.TAX_CODE)).isEqualTo("0312345673-001");
            assertThat(user.getAttributes()).containsEntry(UserAttributes.TAX_CODE, List.of("0312345673-001"))
                    .doesNotContainKey(UserAttributes.TAX_CODE_VERIFIED);
            assertThat(view.reads).hasValue(1);
        }

        @Test
        void thenACitizensViewHasNoTaxCodeAndReadsNothing() {
            View view = new View(CODE);
            LegacyUserAdapter user = adapter(account("L-1", LegacyAccountType.CITIZEN), view);

            assertThat(user.getFirstAttribute(UserAttributes.TAX_CODE)).isNull();
            assertThat(user.getAttributes()).doesNotContainKey(UserAttributes.TAX_CODE);
            assertThat(view.reads).hasValue(0);
        }
    }
}
