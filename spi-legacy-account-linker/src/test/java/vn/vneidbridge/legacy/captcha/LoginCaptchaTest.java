package vn.vneidbridge.legacy.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * When the captcha is asked and how logins are counted, with in-memory stand-ins for Keycloak's request, login
 * session and single-use store (its {@code putIfAbsent} atomic, as Infinispan's is).
 */
class LoginCaptchaTest {

    private static final LoginCaptchaConfig THREE = new LoginCaptchaConfig(3, 0);

    /** The cluster's single-use store: key → notes (an entry lives for the whole test). */
    private final Map<String, Map<String, String>> store = new ConcurrentHashMap<>();

    @Test
    void theThirdFailedLoginShowsTheCaptchaOnTheFormItComesBackWith() {
        Login login = new Login("203.0.113.1");
        for (int i = 1; i <= 2; i++) {
            LoginCaptcha captcha = login.request(THREE);
            assertThat(captcha.check(new MultivaluedHashMap<>(), "nga")).isEqualTo(LoginCaptcha.Check.NOT_ASKED);
            assertThat(captcha.required("nga")).as("form after failure " + i).isFalse();
        }
        LoginCaptcha third = login.request(THREE);
        assertThat(third.check(new MultivaluedHashMap<>(), "nga")).isEqualTo(LoginCaptcha.Check.NOT_ASKED);
        third.addIfRequired(login.form(), "nga");

        assertThat(login.formAttributes).as("form after the third failure").containsKey(LoginCaptcha.ATTRIBUTE);
        assertThat(login.authNotes.get(LoginCaptcha.NOTE_ANSWER)).hasSize(LoginCaptcha.LENGTH);
    }

    @Test
    void withoutAFreeAttemptThePasswordIsNotCheckedAndThePictureIsShown() {
        for (int i = 0; i < 3; i++) {
            new Login("203.0.113.1").request(THREE).check(new MultivaluedHashMap<>(), "Nga ");
        }
        Login next = new Login("203.0.113.1");
        LoginCaptcha captcha = next.request(THREE);

        assertThat(captcha.check(new MultivaluedHashMap<>(), "nga")).isEqualTo(LoginCaptcha.Check.MISSING);
        assertThat(captcha.refusedBy()).isEqualTo("username");
        captcha.addIfRequired(next.form(), "nga");
        assertThat(next.formAttributes).containsKey(LoginCaptcha.ATTRIBUTE);
        assertThat(new Login("203.0.113.1").request(THREE).required("someone-else")).isFalse();
    }

    @Test
    void aSuccessfulLoginGivesItsAttemptBackSoOnlyFailuresCount() {
        for (int i = 0; i < 2; i++) {
            new Login("203.0.113.1").request(THREE).check(new MultivaluedHashMap<>(), "nga");
        }
        for (int i = 0; i < 5; i++) {
            LoginCaptcha success = new Login("203.0.113.1").request(THREE);
            assertThat(success.check(new MultivaluedHashMap<>(), "nga")).isEqualTo(LoginCaptcha.Check.NOT_ASKED);
            success.succeeded();
        }
        assertThat(new Login("203.0.113.1").request(THREE).required("nga")).as("two failures, five successes")
                .isFalse();

        new Login("203.0.113.1").request(THREE).check(new MultivaluedHashMap<>(), "nga");
        assertThat(new Login("203.0.113.1").request(THREE).required("nga")).as("the third failure").isTrue();
    }

    @Test
    void failuresInOneLoginSessionCountWhateverTheUsernames() {
        Login login = new Login("203.0.113.1");
        for (String username : List.of("an", "binh", "chi")) {
            login.request(THREE).check(new MultivaluedHashMap<>(), username);
        }
        LoginCaptcha fourth = login.request(THREE);
        assertThat(fourth.check(new MultivaluedHashMap<>(), "dung")).isEqualTo(LoginCaptcha.Check.MISSING);
        assertThat(fourth.refusedBy()).isEqualTo("login");
    }

    @Test
    void failuresFromOneAddressAcrossManyUsernamesAndLoginsBringTheCaptchaToThatAddressOnly() {
        LoginCaptchaConfig config = new LoginCaptchaConfig(3, 4);
        for (int i = 0; i < 4; i++) {
            assertThat(new Login("203.0.113.7").request(config).check(new MultivaluedHashMap<>(), "spray" + i))
                    .isEqualTo(LoginCaptcha.Check.NOT_ASKED);
        }
        assertThat(new Login("203.0.113.7").request(config).required(null))
                .as("a new login from that address, no username typed yet").isTrue();
        assertThat(new Login("203.0.113.8").request(config).required(null)).as("another address").isFalse();
        LoginCaptcha fifth = new Login("203.0.113.7").request(config);
        assertThat(fifth.check(new MultivaluedHashMap<>(), "spray5")).isEqualTo(LoginCaptcha.Check.MISSING);
        assertThat(fifth.refusedBy()).isEqualTo("address");
        assertThat(store.keySet()).noneMatch(key -> key.contains("203.0.113") || key.contains("spray"));
    }

    @Test
    void aPictureIsGoodForOneCheckEvenWhenTwoSubmissionsCarryItAtOnce() {
        Login login = new Login("203.0.113.1");
        for (int i = 0; i < 3; i++) {
            login.request(THREE).check(new MultivaluedHashMap<>(), "nga");
        }
        login.request(THREE).addIfRequired(login.form(), "nga");
        String code = login.authNotes.get(LoginCaptcha.NOTE_ANSWER);
        MultivaluedHashMap<String, String> typed = new MultivaluedHashMap<>();
        typed.add(LoginCaptcha.FIELD, " " + code.toLowerCase() + " ");
        // two requests read the login session before either writes it back: each sees the picture
        Login copy = login.copy();

        assertThat(login.request(THREE).check(typed, "nga")).isEqualTo(LoginCaptcha.Check.PASSED);
        assertThat(copy.request(THREE).check(typed, "nga")).as("the same picture again, raced")
                .isEqualTo(LoginCaptcha.Check.MISSING);
        assertThat(login.request(THREE).check(typed, "nga")).as("the same picture again, after")
                .isEqualTo(LoginCaptcha.Check.MISSING);
    }

    @Test
    void aWrongCodeIsWrongAndTheFormShowsANewPicture() {
        new Login("203.0.113.1").request(new LoginCaptchaConfig(1, 0)).check(new MultivaluedHashMap<>(), "nga");
        Login login = new Login("203.0.113.1");
        login.request(new LoginCaptchaConfig(1, 0)).addIfRequired(login.form(), "nga");
        String first = login.authNotes.get(LoginCaptcha.NOTE_PICTURE);
        MultivaluedHashMap<String, String> typed = new MultivaluedHashMap<>();
        typed.add(LoginCaptcha.FIELD, "WRONG");

        LoginCaptcha wrong = login.request(new LoginCaptchaConfig(1, 0));
        assertThat(wrong.check(typed, "nga")).isEqualTo(LoginCaptcha.Check.WRONG);
        wrong.addIfRequired(login.form(), "nga");
        assertThat(login.authNotes.get(LoginCaptcha.NOTE_PICTURE)).isNotNull().isNotEqualTo(first);
    }

    @Test
    void zeroAndZeroNeverAskAndCountNothing() {
        LoginCaptchaConfig off = new LoginCaptchaConfig(0, 0);
        for (int i = 0; i < 10; i++) {
            assertThat(new Login("203.0.113.1").request(off).check(new MultivaluedHashMap<>(), "nga"))
                    .isEqualTo(LoginCaptcha.Check.NOT_ASKED);
        }
        assertThat(new Login("203.0.113.1").request(off).required("nga")).isFalse();
        assertThat(store).isEmpty();
    }

    @Test
    void twentyWrongPasswordsForOneUsernameAtOnceGetThreeChecked() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<LoginCaptcha.Check>> checks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                LoginCaptcha captcha = new Login("203.0.113.1").request(THREE);
                checks.add(threads.submit(() -> {
                    go.await();
                    return captcha.check(new MultivaluedHashMap<>(), "nga");
                }));
            }
            go.countDown();
            int checked = 0;
            for (Future<LoginCaptcha.Check> check : checks) {
                checked += check.get(10, TimeUnit.SECONDS) == LoginCaptcha.Check.NOT_ASKED ? 1 : 0;
            }
            assertThat(checked).isEqualTo(3);
        } finally {
            threads.shutdownNow();
        }
    }

    /** One browser's login session (its notes) from one address; each {@link #request} is one HTTP request. */
    private final class Login {
        final String address;
        final String rootId;
        final Map<String, String> authNotes;
        final Map<String, Object> formAttributes = new HashMap<>();

        Login(String address) {
            this(address, UUID.randomUUID().toString(), new ConcurrentHashMap<>());
        }

        private Login(String address, String rootId, Map<String, String> authNotes) {
            this.address = address;
            this.rootId = rootId;
            this.authNotes = authNotes;
        }

        /** The same login session as read by a second, simultaneous request. */
        Login copy() {
            return new Login(address, rootId, new ConcurrentHashMap<>(authNotes));
        }

        LoginCaptcha request(LoginCaptchaConfig config) {
            Map<String, Object> requestAttributes = new HashMap<>();
            KeycloakSession session = proxy(KeycloakSession.class, (name, args) -> switch (name) {
                case "setAttribute" -> requestAttributes.put((String) args[0], args[1]);
                case "getAttribute" -> requestAttributes.get((String) args[0]);
                case "removeAttribute" -> requestAttributes.remove((String) args[0]);
                default -> throw new UnsupportedOperationException(name);
            });
            RootAuthenticationSessionModel root = proxy(RootAuthenticationSessionModel.class, (name, args) -> {
                if (name.equals("getId")) {
                    return rootId;
                }
                throw new UnsupportedOperationException(name);
            });
            AuthenticationSessionModel authSession = proxy(AuthenticationSessionModel.class, (name, args) -> switch (name) {
                case "setAuthNote" -> authNotes.put((String) args[0], (String) args[1]);
                case "getAuthNote" -> authNotes.get((String) args[0]);
                case "removeAuthNote" -> authNotes.remove((String) args[0]);
                case "getParentSession" -> root;
                default -> throw new UnsupportedOperationException(name);
            });
            SingleUseObjectProvider singleUse = proxy(SingleUseObjectProvider.class, (name, args) -> switch (name) {
                case "putIfAbsent" -> store.putIfAbsent((String) args[0], Map.of()) == null;
                case "contains" -> store.containsKey((String) args[0]);
                case "remove" -> store.remove((String) args[0]);
                default -> throw new UnsupportedOperationException(name);
            });
            return new LoginCaptcha(session, authSession, singleUse, "realm-id", address, 1800, config);
        }

        LoginFormsProvider form() {
            return proxy(LoginFormsProvider.class, (name, args) -> {
                if (name.equals("setAttribute")) {
                    formAttributes.put((String) args[0], args[1]);
                    return null;
                }
                throw new UnsupportedOperationException(name);
            });
        }
    }

    interface Handler {
        Object call(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> handler.call(method.getName(), args)));
    }
}
