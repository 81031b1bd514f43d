package vn.vneidbridge.sandbox.vneid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one-time code of the stand-in VNeID. No SMS can be sent from the sandbox, so the code is fixed and
 * printed on the page itself.
 */
final class SandboxOtpCode {

    /** The only code the sandbox accepts. */
    static final String FIXED_CODE = "123456";

    private SandboxOtpCode() {
    }

    /** Whether the submitted code is the fixed code; surrounding blanks (a pasted code) are ignored. */
    static boolean matches(String submitted) {
        if (submitted == null) {
            return false;
        }
        return MessageDigest.isEqual(submitted.strip().getBytes(StandardCharsets.UTF_8),
                FIXED_CODE.getBytes(StandardCharsets.UTF_8));
    }
}
