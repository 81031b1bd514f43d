package vn.vneidbridge.legacy.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/** When the captcha is asked and how it is counted, with in-memory stand-ins for Keycloak's session and stores. */
class LoginCaptchaTest {

    private final Map<String, Object> requestAttributes = new HashMap<>();
    private final Map<String, String> authNotes = new HashMap<>();
    private final Map<String, Map<String, String>> store = new HashMap<>();
    private final Map<String, Object> formAttributes = new HashMap<>();

    @Test
    void theThirdFailedLoginShowsTheCaptchaWithTheFormItComesBackWith() {
        LoginCaptcha captcha = captcha(3);
        for (int i = 1; i <= 2; i++) {
            assertThat(captcha.check(new MultivaluedHashMap<>(), "nga")).isEqualTo(LoginCaptcha.Check.NOT_ASKED);
            captcha.attempting();
            assertThat(captcha.required("nga")).as("form after failure " + i).isFalse();
            captcha.failed("nga");
        }
        captcha.attempting();
        assertThat(captcha.required("nga")).as("form after the third failure").isTrue();
        captcha.addIfRequired(form(), "nga");
        captcha.failed("nga");

        assertThat(formAttributes).containsKey(LoginCaptcha.ATTRIBUTE);
        assertThat(authNotes.get(LoginCaptcha.NOTE_ANSWER)).hasSize(LoginCaptcha.LENGTH);
    }

    @Test
    void theFailuresOfAUsernameCountAcrossLoginSessionsAndASuccessClearsThem() {
        LoginCaptcha captcha = captcha(3);
        for (int i = 0; i < 3; i++) {
            captcha.attempting();
            captcha.failed("Nga ");
            authNotes.clear(); // a new login session each time
        }
        assertThat(captcha.required("nga")).isTrue();
        assertThat(captcha.check(new MultivaluedHashMap<>(), "nga")).as("asked but never shown")
                .isEqualTo(LoginCaptcha.Check.MISSING);
        assertThat(captcha.required("someone-else")).isFalse();

        captcha.succeeded("nga");
        assertThat(captcha.required("nga")).isFalse();
    }

    @Test
    void successfulLoginsNeverAddUp() {
        LoginCaptcha captcha = captcha(3);
        for (int i = 0; i < 5; i++) {
            captcha.attempting();
            captcha.succeeded("tothinga");
        }
        assertThat(captcha.required("tothinga")).isFalse();
        assertThat(store).isEmpty();
    }

    @Test
    void aCodeIsGoodForOneAttemptWhateverTheCaseAndSpaces() {
        LoginCaptcha captcha = captcha(1);
        captcha.attempting();
        captcha.failed("nga");
        captcha.addIfRequired(form(), "nga");
        String code = authNotes.get(LoginCaptcha.NOTE_ANSWER);

        MultivaluedHashMap<String, String> typed = new MultivaluedHashMap<>();
        typed.add(LoginCaptcha.FIELD, " " + code.toLowerCase() + " ");
        assertThat(captcha.check(typed, "nga")).isEqualTo(LoginCaptcha.Check.PASSED);
        assertThat(captcha.check(typed, "nga")).as("the same code again").isEqualTo(LoginCaptcha.Check.MISSING);

        captcha.addIfRequired(form(), "nga");
        typed.putSingle(LoginCaptcha.FIELD, "WRONG");
        assertThat(captcha.check(typed, "nga")).isEqualTo(LoginCaptcha.Check.WRONG);
    }

    @Test
    void zeroNeverAsks() {
        LoginCaptcha captcha = captcha(0);
        for (int i = 0; i < 10; i++) {
            captcha.attempting();
            captcha.failed("nga");
        }
        assertThat(captcha.required("nga")).isFalse();
    }

    private LoginCaptcha captcha(int afterFailures) {
        KeycloakSession session = proxy(KeycloakSession.class, (name, args) -> switch (name) {
            case "setAttribute" -> requestAttributes.put((String) args[0], args[1]);
            case "getAttribute" -> requestAttributes.get((String) args[0]);
            case "removeAttribute" -> requestAttributes.remove((String) args[0]);
            default -> throw new UnsupportedOperationException(name);
        });
        AuthenticationSessionModel authSession = proxy(AuthenticationSessionModel.class, (name, args) -> switch (name) {
            case "setAuthNote" -> authNotes.put((String) args[0], (String) args[1]);
            case "getAuthNote" -> authNotes.get((String) args[0]);
            case "removeAuthNote" -> authNotes.remove((String) args[0]);
            default -> throw new UnsupportedOperationException(name);
        });
        SingleUseObjectProvider singleUse = proxy(SingleUseObjectProvider.class, (name, args) -> switch (name) {
            case "put" -> {
                @SuppressWarnings("unchecked")
                Map<String, String> notes = (Map<String, String>) args[2];
                yield store.put((String) args[0], notes);
            }
            case "get" -> store.get((String) args[0]);
            case "remove" -> store.remove((String) args[0]);
            default -> throw new UnsupportedOperationException(name);
        });
        return new LoginCaptcha(session, authSession, singleUse, "realm-id", new LoginCaptchaConfig(afterFailures));
    }

    private LoginFormsProvider form() {
        return proxy(LoginFormsProvider.class, (name, args) -> {
            if (name.equals("setAttribute")) {
                formAttributes.put((String) args[0], args[1]);
                return null;
            }
            throw new UnsupportedOperationException(name);
        });
    }

    interface Handler {
        Object call(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> handler.call(method.getName(), args)));
    }
}
