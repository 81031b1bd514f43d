package vn.vneidbridge.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedRootsTest {

    @TempDir
    Path dir;

    @Test
    void thenAPinAsOpensslOrKeytoolPrintsItTrustsThatRootOnly() throws Exception {
        X509Certificate root = SelfSignedCertificates.make(dir, "CN=Root", "-1d", 30);
        X509Certificate other = SelfSignedCertificates.make(dir, "CN=Other", "-1d", 30);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(root.getEncoded());
        String colons = String.join(":", Arrays.stream(HexFormat.of().formatHex(digest).split("(?<=\\G..)"))
                .map(pair -> pair.toUpperCase(Locale.ROOT)).toList());

        TrustedRoots roots = TrustedRoots.of(List.of(" " + colons + " "));

        assertThat(roots.isEmpty()).isFalse();
        assertThat(roots.trusts(root)).isTrue();
        assertThat(roots.trusts(other)).isFalse();
        assertThat(roots.trusts(null)).isFalse();
    }

    @Test
    void thenWhatIsNotAFingerprintIsSetAsideAndTrustsNothing() {
        TrustedRoots roots = TrustedRoots.of(java.util.Arrays.asList("abc", "", null, "g".repeat(64),
                "CN=VNeID Bridge sandbox root CA"));

        assertThat(roots.isEmpty()).isTrue();
        assertThat(roots.invalid()).containsExactly("abc", "g".repeat(64), "CN=VNeID Bridge sandbox root CA");
    }
}
