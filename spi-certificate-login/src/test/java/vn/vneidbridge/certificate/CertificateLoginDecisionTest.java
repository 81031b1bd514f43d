package vn.vneidbridge.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.core.id.PersonalIdNumber;

class CertificateLoginDecisionTest {

    private static final CertificateId AN = new CertificateId.PersonalId(
            PersonalIdNumber.parse("001090001234").number().orElseThrow());
    private static final CertificateIds.Reading ONE = new CertificateIds.One(AN);

    private static CertificateLoginDecision.Outcome decide(CertificateIds.Reading reading,
                                                           CertificateLoginDecision.Holders holders) {
        return CertificateLoginDecision.decide(reading, id -> holders);
    }

    private static CertificateLoginDecision.Holders one(boolean administrator, boolean enabled) {
        return new CertificateLoginDecision.OneHolder(new CertificateLoginDecision.Holder("user-an", administrator,
                enabled));
    }

    @Nested
    class GivenOneAccountHoldingTheIdVerified {

        @Test
        void thenItLogsIn() {
            assertThat(decide(ONE, one(false, true))).isEqualTo(new CertificateLoginDecision.LogIn("user-an"));
        }

        @Test
        void thenTheHoldersAreAskedForTheCertificatesIdOnly() {
            List<CertificateId> asked = new ArrayList<>();
            CertificateLoginDecision.decide(ONE, id -> {
                asked.add(id);
                return one(false, true);
            });
            assertThat(asked).containsExactly(AN);
        }

        @Test
        void thenAnAdministratorsAccountIsRefused() {
            assertThat(decide(ONE, one(true, true)))
                    .isEqualTo(new CertificateLoginDecision.Refuse(CertificateRefusal.ADMINISTRATOR));
        }

        @Test
        void thenADisabledAccountIsRefused() {
            assertThat(decide(ONE, one(false, false)))
                    .isEqualTo(new CertificateLoginDecision.Refuse(CertificateRefusal.ACCOUNT_DISABLED));
        }
    }

    @Nested
    class GivenNoOrSeveralAccounts {

        @Test
        void thenNoAccountIsRefusedAsNoAccount() {
            assertThat(decide(ONE, new CertificateLoginDecision.NoHolder()))
                    .isEqualTo(new CertificateLoginDecision.Refuse(CertificateRefusal.NO_ACCOUNT));
        }

        @Test
        void thenSeveralAccountsAreRefusedAndNoneIsPicked() {
            assertThat(decide(ONE, new CertificateLoginDecision.SeveralHolders()))
                    .isEqualTo(new CertificateLoginDecision.Refuse(CertificateRefusal.SEVERAL_ACCOUNTS));
        }
    }

    @Nested
    class GivenASubjectWithoutOneReadableId {

        @Test
        void thenEachIsRefusedWithItsOwnReasonAndNoAccountIsLookedUp() {
            assertThat(CertificateLoginDecision.decide(new CertificateIds.NoId(), id -> {
                throw new AssertionError("looked up");
            })).isEqualTo(new CertificateLoginDecision.Refuse(CertificateRefusal.NO_ID));
            assertThat(CertificateLoginDecision.decide(new CertificateIds.Unsupported(), id -> {
                throw new AssertionError("looked up");
            })).isEqualTo(new CertificateLoginDecision.Refuse(CertificateRefusal.UNSUPPORTED_ID));
            assertThat(CertificateLoginDecision.decide(new CertificateIds.Malformed(), id -> {
                throw new AssertionError("looked up");
            })).isEqualTo(new CertificateLoginDecision.Refuse(CertificateRefusal.MALFORMED_ID));
            assertThat(CertificateLoginDecision.decide(new CertificateIds.Several(), id -> {
                throw new AssertionError("looked up");
            })).isEqualTo(new CertificateLoginDecision.Refuse(CertificateRefusal.SEVERAL_IDS));
        }
    }
}
