package vn.vneidbridge.sandbox.remotesigning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority.Kind;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority.Persona;

/**
 * The stand-in's subscribers: an id number (what a citizen types, the {@code user_id} of the API) and the persona
 * file whose key and certificate SmartCA holds for it. By default every {@link Kind#VALID} persona with a {@code UID}
 * under the number after the {@code UID}'s prefix ({@code CCCD:}, {@code CMND:}, {@code MST:}); a test may give a
 * number another file (An's revoked or expired certificate) until {@link #reset()}. Keys are read from the files with
 * the CA's PIN once and kept. Thread-safe.
 */
final class Subscribers {

    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z-]{1,32}");

    private final SandboxCertificateAuthority authority;
    private final Map<String, String> defaults;
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final Map<String, SigningIdentity> identities = new ConcurrentHashMap<>();

    Subscribers(SandboxCertificateAuthority authority) {
        this.authority = Objects.requireNonNull(authority, "authority");
        Map<String, String> numbers = new LinkedHashMap<>();
        for (Persona persona : SandboxCertificateAuthority.PERSONAS) {
            if (persona.kind() == Kind.VALID && persona.uid() != null) {
                numbers.put(persona.uid().substring(persona.uid().indexOf(':') + 1), persona.file());
            }
        }
        this.defaults = Collections.unmodifiableMap(numbers);
        reset();
        defaults.values().forEach(this::identityOf);
    }

    /** The key and chain SmartCA holds for {@code number}; empty when it is no subscriber. */
    Optional<SigningIdentity> identity(String number) {
        return Optional.ofNullable(number).map(files::get).map(this::identityOf);
    }

    /**
     * Gives {@code number} the key and certificate of the persona file {@code file}, a new subscriber or not.
     *
     * @throws IllegalArgumentException for a number that is not 1-32 letters, digits or dashes, or no persona file
     */
    void subscribe(String number, String file) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("a subscriber number is 1-32 letters, digits or dashes");
        }
        identityOf(file);
        files.put(number, file);
    }

    /**
     * Gives {@code number} the key and chain of {@code token}, a PKCS#12 key store the CA issued for a test's own
     * person ({@link SandboxCertificateAuthority#issue}), PIN {@link SandboxCertificateAuthority#PIN}.
     */
    void subscribe(String number, KeyStore token) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("a subscriber number is 1-32 letters, digits or dashes");
        }
        String name = "issued:" + number;
        identities.put(name, identity(name, token));
        files.put(number, name);
    }

    /** The default subscribers only, with their own files. */
    void reset() {
        files.clear();
        files.putAll(defaults);
        identities.keySet().removeIf(name -> name.startsWith("issued:"));
    }

    /**
     * A persona file's key and chain, read once.
     *
     * @throws IllegalArgumentException when {@code file} is no persona file of the CA
     */
    SigningIdentity identityOf(String file) {
        SigningIdentity known = identities.get(file);
        if (known != null) {
            return known;
        }
        authority.certificate(file);
        return identities.computeIfAbsent(file, this::read);
    }

    private SigningIdentity read(String file) {
        try (InputStream in = Files.newInputStream(authority.file(file))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, SandboxCertificateAuthority.PIN.toCharArray());
            return identity(file, store);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the persona file " + file + " could not be read", e);
        }
    }

    private static SigningIdentity identity(String file, KeyStore store) {
        char[] pin = SandboxCertificateAuthority.PIN.toCharArray();
        try {
            for (String alias : Collections.list(store.aliases())) {
                Key key = store.getKey(alias, pin);
                Certificate[] chain = store.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && chain != null) {
                    return new SigningIdentity(file, privateKey,
                            Arrays.stream(chain).map(X509Certificate.class::cast).toList());
                }
            }
            throw new IllegalStateException("no key in " + file);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " could not be read", e);
        }
    }
}
