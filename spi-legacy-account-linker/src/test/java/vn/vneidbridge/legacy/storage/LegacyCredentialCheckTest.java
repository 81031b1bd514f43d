package vn.vneidbridge.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.legacy.storage.LegacyCredentialCheck.Outcome;
import vn.vneidbridge.legacy.store.LegacyAccount;
import vn.vneidbridge.legacy.store.LegacyAccountType;

class LegacyCredentialCheckTest {

    static final Set<LegacyAccountType> ALL = EnumSet.allOf(LegacyAccountType.class);
    static final LegacyAccount MD5 = FailedLoginHashWorkTest.row("md5", FailedLoginHashWorkTest.hex("MD5", "x"), null,
            null, true);
    static final LegacyAccount LOCKED = FailedLoginHashWorkTest.row("md5", FailedLoginHashWorkTest.hex("MD5", "x"),
            null, null, false);

    static Outcome decide(boolean imported, boolean stored, LegacyAccount row, boolean ownRow,
                          Set<LegacyAccountType> served, boolean acceptWeak) {
        return LegacyCredentialCheck.decide(imported, stored, () -> row, account -> ownRow, served, acceptWeak).outcome();
    }

    @Nested
    class GivenAnImportedAccountWithAKeycloakPassword {

        @Test
        void thenKeycloakDecidesAndTheLegacyDatabaseIsNotRead() {
            AtomicInteger reads = new AtomicInteger();

            LegacyCredentialCheck check = LegacyCredentialCheck.decide(true, true, () -> {
                reads.incrementAndGet();
                return MD5;
            }, account -> true, ALL, true);

            assertThat(check.outcome()).isEqualTo(Outcome.KEYCLOAK_DECIDES);
            assertThat(reads).hasValue(0);
        }
    }

    @Nested
    class GivenALegacyRow {

        @Test
        void thenAnActiveServedRowIsChecked() {
            assertThat(decide(false, false, MD5, true, ALL, true)).isEqualTo(Outcome.VERIFY);
        }

        @Test
        void thenNoRowIsRefused() {
            assertThat(decide(false, false, null, true, ALL, true)).isEqualTo(Outcome.NO_ROW);
        }

        @Test
        void thenALockedRowIsRefused() {
            assertThat(decide(false, false, LOCKED, true, ALL, true)).isEqualTo(Outcome.INACTIVE);
        }

        @Test
        void thenARowOfATypeNotServedIsRefused() {
            assertThat(decide(false, false, MD5, true, EnumSet.of(LegacyAccountType.BUSINESS), true))
                    .isEqualTo(Outcome.NOT_SERVED);
        }

        @Test
        void thenAnMd5RowIsRefusedWhileMd5IsRefused() {
            assertThat(decide(false, false, MD5, true, ALL, false)).isEqualTo(Outcome.WEAK_HASH_REFUSED);
        }
    }

    @Nested
    class GivenAnImportedAccountWithoutAKeycloakPassword {

        @Test
        void thenItsOwnRowIsChecked() {
            assertThat(decide(true, false, MD5, true, ALL, true)).isEqualTo(Outcome.VERIFY);
        }

        @Test
        void thenAnotherAccountsRowIsRefused() {
            assertThat(decide(true, false, MD5, false, ALL, true)).isEqualTo(Outcome.OTHER_ACCOUNTS_ROW);
        }
    }
}
