package vn.vneidbridge.sandbox.remotesigning;

import java.util.Optional;

/**
 * A way the stand-in gets remote signing wrong on purpose, so that a test can show the bridge refuses what a faulty
 * or dishonest provider answers. One at a time; {@link #NONE} by default.
 */
public sealed interface Misbehaviour {

    /** Behaves. */
    Misbehaviour NONE = new None();
    /** The phone signs the SHA-256 of other bytes than the hash asked for: the signature does not verify. */
    Misbehaviour SIGN_OTHER_HASH = new SignOtherHash();

    /**
     * A provider that mixed up its subscribers: {@code get_certificate} answers, for every subscriber, the
     * certificate and chain of the persona file {@code file} (e.g. {@code binh.p12}), and the phone signs with that
     * persona's key.
     */
    static Misbehaviour certificateOf(String file) {
        return new CertificateOf(file);
    }

    /** The name {@code POST /_simulator/misbehave} takes. */
    String setting();

    /**
     * The misbehaviour of a {@link #setting()}: {@code none}, {@code sign-other-hash} or
     * {@code certificate-of:<file>}; empty for any other text (the file is checked where it is used).
     */
    static Optional<Misbehaviour> named(String setting) {
        String text = setting == null ? "" : setting.strip();
        if (text.equals(NONE.setting())) {
            return Optional.of(NONE);
        }
        if (text.equals(SIGN_OTHER_HASH.setting())) {
            return Optional.of(SIGN_OTHER_HASH);
        }
        if (text.startsWith(CertificateOf.PREFIX) && text.length() > CertificateOf.PREFIX.length()) {
            return Optional.of(certificateOf(text.substring(CertificateOf.PREFIX.length()).strip()));
        }
        return Optional.empty();
    }

    /** See {@link #NONE}. */
    record None() implements Misbehaviour {
        @Override
        public String setting() {
            return "none";
        }
    }

    /** See {@link #SIGN_OTHER_HASH}. */
    record SignOtherHash() implements Misbehaviour {
        @Override
        public String setting() {
            return "sign-other-hash";
        }
    }

    /** See {@link #certificateOf(String)}. */
    record CertificateOf(String file) implements Misbehaviour {
        static final String PREFIX = "certificate-of:";

        public CertificateOf {
            if (file == null || file.isBlank()) {
                throw new IllegalArgumentException("a persona file is required");
            }
        }

        @Override
        public String setting() {
            return PREFIX + file;
        }
    }
}
