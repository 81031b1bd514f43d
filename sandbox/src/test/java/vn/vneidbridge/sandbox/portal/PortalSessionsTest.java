package vn.vneidbridge.sandbox.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which of the portal's sessions a valid logout token ends, and a browser holding one session per portal. */
class PortalSessionsTest {

    private final PortalSessions sessions = new PortalSessions(100);

    @Nested
    class GivenACitizenLoggedInAtTwoPortalsInOneKeycloakSession {

        GivenACitizenLoggedInAtTwoPortalsInOneKeycloakSession() {
            sessions.loggedIn(null, "browser-1", session("dvcqg-portal", "sid-A", "user-1"));
            sessions.loggedIn("browser-1", "browser-2", session("dvc-hatinh-web", "sid-A", "user-1"));
            sessions.loggedIn(null, "other-browser", session("dvc-hatinh-web", "sid-B", "user-1"));
        }

        @Test
        void thenTheBrowserKeepsBothUnderItsNewId() {
            assertThat(sessions.all("browser-1")).isEmpty();
            assertThat(sessions.all("browser-2")).extracting(DemoPortal.PortalSession::clientId)
                    .containsExactly("dvcqg-portal", "dvc-hatinh-web");
            assertThat(sessions.latest("browser-2")).map(DemoPortal.PortalSession::clientId).contains("dvc-hatinh-web");
        }

        @Test
        void thenALogoutTokenForOneClientEndsOnlyThatClientsSessionOfThatSid() {
            int ended = sessions.end(logout(Set.of("dvc-hatinh-web"), "sid-A", "user-1"));

            assertThat(ended).isEqualTo(1);
            assertThat(sessions.at("browser-2", "dvc-hatinh-web")).isEmpty();
            assertThat(sessions.at("browser-2", "dvcqg-portal")).as("another portal: its own token ends it").isPresent();
            assertThat(sessions.at("other-browser", "dvc-hatinh-web")).as("another Keycloak session").isPresent();
        }

        @Test
        void thenATokenWithOnlyTheSubjectEndsAllOfItsClientsSessionsOfThatSubject() {
            int ended = sessions.end(new LogoutTokenCheck.Accepted(Set.of("dvc-hatinh-web"), Optional.empty(),
                    Optional.of("user-1"), "jti", Instant.EPOCH));

            assertThat(ended).isEqualTo(2);
            assertThat(sessions.all("other-browser")).isEmpty();
            assertThat(sessions.all("browser-2")).extracting(DemoPortal.PortalSession::clientId)
                    .containsExactly("dvcqg-portal");
        }

        @Test
        void thenASidOfAnotherSubjectEndsNothing() {
            assertThat(sessions.end(logout(Set.of("dvc-hatinh-web"), "sid-A", "user-2"))).isZero();
        }

        @Test
        void thenThePortalsOwnLogoutEndsOneSession() {
            assertThat(sessions.end("browser-2", "dvcqg-portal")).isPresent();

            assertThat(sessions.all("browser-2")).extracting(DemoPortal.PortalSession::clientId)
                    .containsExactly("dvc-hatinh-web");
        }
    }

    private static LogoutTokenCheck.Accepted logout(Set<String> clients, String sid, String sub) {
        return new LogoutTokenCheck.Accepted(clients, Optional.of(sid), Optional.of(sub), "jti", Instant.EPOCH);
    }

    private static DemoPortal.PortalSession session(String clientId, String sid, String sub) {
        return new DemoPortal.PortalSession(clientId, "id-token",
                new JWTClaimsSet.Builder().subject(sub).claim("sid", sid).build());
    }
}
