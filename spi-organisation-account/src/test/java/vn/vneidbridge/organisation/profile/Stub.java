package vn.vneidbridge.organisation.profile;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A minimal implementation of a Keycloak interface for tests: answers the methods it is given by name, and
 * throws for any other one, so a test notices when the code under test needs more of Keycloak than expected.
 */
final class Stub<T> {

    private final Class<T> type;
    private final Map<String, Function<Object[], Object>> answers = new HashMap<>();

    private Stub(Class<T> type) {
        this.type = type;
    }

    static <T> Stub<T> of(Class<T> type) {
        return new Stub<>(type);
    }

    /** Answers every call of {@code method} (any overload) with {@code answer} applied to its arguments. */
    Stub<T> on(String method, Function<Object[], Object> answer) {
        answers.put(method, answer);
        return this;
    }

    /** Answers every call of {@code method} with {@code value}. */
    Stub<T> returning(String method, Object value) {
        return on(method, args -> value);
    }

    T build() {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer != null) {
                return answer.apply(args == null ? new Object[0] : args);
            }
            switch (method.getName()) {
                case "toString":
                    return "Stub<" + type.getSimpleName() + ">";
                case "hashCode":
                    return System.identityHashCode(self);
                case "equals":
                    return self == args[0];
                default:
                    throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
            }
        });
        return type.cast(proxy);
    }
}
