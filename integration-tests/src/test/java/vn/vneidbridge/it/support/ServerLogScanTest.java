package vn.vneidbridge.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The scan of a server log that {@code ServerLogsScan} runs after the integration tests, on lines of Keycloak's format. */
class ServerLogScanTest {

    private static final String CCCD = "052189000123";
    private static final String CMND = "164438056";

    private static ServerLogScan scan(String... lines) {
        ServerLogScan scan = new ServerLogScan(Set.of(CCCD, CMND));
        List.of(lines).forEach(scan::accept);
        return scan;
    }

    private static String record(String level, String message) {
        return "2026-12-02 18:17:04,783 " + level + "  [org.keycloak.events] (executor-thread-2) " + message;
    }

    @Nested
    class GivenKeycloaksEventLoggerAtWarn {

        @Test
        void thenTheIdentityOfABrokeredLoginIsFoundAndShownMasked() {
            ServerLogScan scan = scan(record("WARN", "type=\"IDENTITY_PROVIDER_FIRST_LOGIN_ERROR\", realmName=\"dvc\","
                    + " identity_provider_identity=\"" + CCCD + "\", username=\"" + CCCD + "\""));

            assertThat(scan.findings()).singleElement().satisfies(finding -> {
                assertThat(finding.lineNumber()).isEqualTo(1);
                assertThat(finding.level()).isEqualTo("WARN");
                assertThat(finding.maskedLine()).contains("identity_provider_identity=\"052******123\"")
                        .doesNotContain(CCCD);
            });
        }

        @Test
        void thenAnOldCmndTypedAsUsernameIsFound() {
            assertThat(scan(record("WARN", "type=\"LOGIN_ERROR\", error=\"user_not_found\", username=\"" + CMND
                    + "\"")).findings()).hasSize(1);
        }
    }

    @Nested
    class GivenLinesBelowInfo {

        @Test
        void thenTheyMayHoldNumbersButAreCounted() {
            ServerLogScan scan = scan(record("DEBUG", "username=" + CCCD), record("TRACE", "cmnd " + CMND),
                    "\tat a stack trace line of the DEBUG record " + CCCD);

            assertThat(scan.findings()).isEmpty();
            assertThat(scan.lines()).isEqualTo(3);
            assertThat(scan.linesAtInfoOrAbove()).isZero();
        }
    }

    @Nested
    class GivenLinesThatAreNotRecords {

        @Test
        void thenAContinuationHasTheLevelOfItsRecord() {
            ServerLogScan scan = scan(record("ERROR", "Failed authentication"),
                    "org.keycloak.SomeException: no user " + CCCD, record("INFO", "Listening on: http://localhost"));

            assertThat(scan.findings()).singleElement().satisfies(finding -> {
                assertThat(finding.lineNumber()).isEqualTo(2);
                assertThat(finding.level()).isEqualTo("ERROR");
            });
            assertThat(scan.linesAtInfoOrAbove()).isEqualTo(3);
        }

        @Test
        void thenOutputBeforeTheFirstRecordCountsAsInfo() {
            assertThat(scan("Updating the configuration for " + CCCD).findings()).hasSize(1);
        }
    }

    @Nested
    class GivenDigitsThatAreNotTheNumbers {

        @Test
        void thenANumberInsideALongerRunOfDigitsIsNoFinding() {
            assertThat(scan(record("INFO", "started at 2026-12-02T17:07:14.0" + CMND + "Z, id 9" + CCCD + "7"))
                    .findings()).isEmpty();
        }

        @Test
        void thenTwelveDigitsThatBreakTheIdRulesOrBelongToAUuidAreNoFinding() {
            assertThat(scan(record("INFO", "province 099: 099190001234"),
                    record("INFO", "userId=\"3f0c1a2b-1111-4222-8333-079195004567\"")).findings()).isEmpty();
        }

        @Test
        void thenAValidIdNumberNoListKnowsIsFoundByTheIdRules() {
            assertThat(scan(record("WARN", "user 079195004567 not found")).findings()).hasSize(1);
        }
    }
}
