package vn.vneidbridge.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;

/**
 * Makes the browsers of the page tests: Debian's Chromium (headless, through Debian's chromedriver, never anything
 * downloaded by Selenium Manager) when /usr/bin/chromium is installed, else Selenium's HtmlUnit driver so the
 * journeys still run — without screenshots and without the accessibility scan, which need a real browser.
 */
public final class BrowserSupport {

    public static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    /** Where screenshots and accessibility reports go: {@code <dir>/<journey>/<nn>-<page>-<width>.png}. */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("browser.screenshots.dir", "target/screenshots"));

    private static boolean announced;

    private BrowserSupport() {
    }

    /** True when the tests drive Chromium (screenshots and axe); false when they fall back to HtmlUnit. */
    public static boolean chromiumAvailable() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A fresh browser (own profile, no cookies) for one journey. */
    public static Browser open(String journey) {
        announce();
        if (chromiumAvailable()) {
            return new Browser(journey, chromium(), true, SCREENSHOTS.resolve(journey));
        }
        return new Browser(journey, htmlUnit(null), false, SCREENSHOTS.resolve(journey));
    }

    /**
     * A fresh browser for one journey that also trusts the certificate authority in {@code caPem} (a cluster's
     * generated one): Chromium accepts a chain holding that authority's key
     * ({@code --ignore-certificate-errors-spki-list}), HtmlUnit trusts it as its trust store. Other certificate
     * errors stay errors.
     */
    public static Browser open(String journey, Path caPem) {
        announce();
        if (chromiumAvailable()) {
            return new Browser(journey, chromium("--ignore-certificate-errors-spki-list=" + spkiHash(caPem)), true,
                    SCREENSHOTS.resolve(journey));
        }
        return new Browser(journey, htmlUnit(trustStore(caPem)), false, SCREENSHOTS.resolve(journey));
    }

    /** Where Chromium reads its managed policies on Debian (root only). */
    static final Path CHROMIUM_POLICIES = Path.of("/etc/chromium/policies/managed");
    private static final Path CERTUTIL = Path.of("/usr/bin/certutil");
    private static final Path PK12UTIL = Path.of("/usr/bin/pk12util");

    /**
     * Why a browser with a USB token cannot be made here, or empty when it can: it needs Chromium, NSS's
     * {@code certutil} and {@code pk12util} (Debian's libnss3-tools, which .ci/run installs) and a writable
     * {@link #CHROMIUM_POLICIES} (headless Chromium shows no certificate picker, so a managed policy chooses the
     * certificate for the one origin).
     */
    public static java.util.Optional<String> tokenBrowserMissing() {
        if (!chromiumAvailable()) {
            return java.util.Optional.of("Chromium and chromedriver are not installed");
        }
        if (!Files.isExecutable(CERTUTIL) || !Files.isExecutable(PK12UTIL)) {
            return java.util.Optional.of("NSS's certutil and pk12util (package libnss3-tools) are not installed");
        }
        try {
            Files.createDirectories(CHROMIUM_POLICIES);
        } catch (IOException e) {
            return java.util.Optional.of(CHROMIUM_POLICIES + " cannot be written (not root)");
        }
        return Files.isWritable(CHROMIUM_POLICIES) ? java.util.Optional.empty()
                : java.util.Optional.of(CHROMIUM_POLICIES + " cannot be written (not root)");
    }

    /**
     * Chromium with a USB token: {@code token}'s key and certificate in the NSS database of a home of its own
     * ({@code pk12util}, PIN {@link vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority#PIN}), {@code root} trusted
     * for the server, and a managed policy that presents the certificate to {@code origin} when the server asks,
     * as a citizen choosing it in the browser's picker does. Call only when {@link #tokenBrowserMissing()} is empty;
     * the policy is removed when the browser closes.
     */
    public static Browser withToken(String journey, java.security.KeyStore token,
                                    java.security.cert.X509Certificate root, java.net.URI origin) {
        announce();
        try {
            Path home = Files.createTempDirectory("vneid-token-home-");
            Path nss = Files.createDirectories(home.resolve(".pki/nssdb"));
            run(CERTUTIL.toString(), "-N", "-d", "sql:" + nss, "--empty-password");
            Path p12 = home.resolve("token.p12");
            try (var out = Files.newOutputStream(p12)) {
                token.store(out, vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority.PIN.toCharArray());
            }
            run(PK12UTIL.toString(), "-d", "sql:" + nss, "-i", p12.toString(), "-W",
                    vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority.PIN);
            Path rootPem = home.resolve("root.pem");
            Files.writeString(rootPem, "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(root.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            run(CERTUTIL.toString(), "-A", "-d", "sql:" + nss, "-n", "sandbox-root", "-t", "C,,", "-a", "-i",
                    rootPem.toString());
            Path policy = CHROMIUM_POLICIES.resolve("vneid-bridge-it-" + ProcessHandle.current().pid() + ".json");
            String origin0 = origin.getScheme() + "://" + origin.getHost() + ":" + origin.getPort();
            Files.writeString(policy, "{\"AutoSelectCertificateForUrls\":[\"{\\\"pattern\\\":\\\""
                    + origin0 + "\\\",\\\"filter\\\":{}}\"]}");
            return new Browser(journey, chromium(Map.of("HOME", home.toString())), true, SCREENSHOTS.resolve(journey),
                    () -> Files.deleteIfExists(policy));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Base64 of the SHA-256 of the certificate's public key (SubjectPublicKeyInfo), as Chromium's flag wants it. */
    private static String spkiHash(Path caPem) {
        try (var in = Files.newInputStream(caPem)) {
            java.security.cert.Certificate ca = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(ca.getPublicKey().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS12 trust store holding the authority, for HtmlUnit. */
    private static java.net.URL trustStore(Path caPem) {
        try (var in = Files.newInputStream(caPem)) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
            Path file = Files.createTempFile("vneid-trust-", ".p12");
            try (var out = Files.newOutputStream(file)) {
                store.store(out, "trust".toCharArray());
            }
            return file.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void announce() {
        if (announced) {
            return;
        }
        announced = true;
        if (chromiumAvailable()) {
            System.out.println("[browser tests] Chromium " + CHROMIUM + " with " + CHROMEDRIVER
                    + ": screenshots in " + SCREENSHOTS.toAbsolutePath() + ", axe-core scan of every page");
        } else {
            System.out.println("[browser tests] *** " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: the journeys"
                    + " run in HtmlUnit; SCREENSHOTS AND THE AXE ACCESSIBILITY SCAN ARE SKIPPED (install chromium and"
                    + " chromium-driver, as .ci/run does, to get them) ***");
        }
    }

    private static WebDriver chromium(String... extraArguments) {
        return chromium(Map.of(), extraArguments);
    }

    private static WebDriver chromium(Map<String, String> environment, String... extraArguments) {
        Path profile;
        try {
            profile = Files.createTempDirectory("vneid-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + Browser.DESKTOP.width() + "," + Browser.DESKTOP.height(),
                "--lang=vi-VN", "--user-data-dir=" + profile.toAbsolutePath());
        options.addArguments(extraArguments);
        // a Vietnamese citizen's browser: Accept-Language vi, so Keycloak answers in Vietnamese
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi"));
        options.setPageLoadTimeout(Duration.ofSeconds(30));
        // the driver is named explicitly, so Selenium Manager never looks for (or downloads) one
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(environment)
                .build();
        return new ChromeDriver(service, options);
    }

    private static WebDriver htmlUnit(java.net.URL trustStore) {
        BrowserVersion vietnamese = new BrowserVersion.BrowserVersionBuilder(BrowserVersion.BEST_SUPPORTED)
                .setBrowserLanguage("vi-VN").setAcceptLanguageHeader("vi-VN,vi").build();
        return new HtmlUnitDriver(vietnamese, false) {
            @Override
            protected WebClient modifyWebClient(WebClient client) {
                WebClient modified = super.modifyWebClient(client);
                // without CSS every part of a page counts as shown (the login form opens with CSS :target)
                modified.getOptions().setCssEnabled(false);
                modified.getOptions().setThrowExceptionOnFailingStatusCode(false);
                if (trustStore != null) {
                    modified.getOptions().setSSLTrustStore(trustStore, "trust", "PKCS12");
                }
                return modified;
            }
        };
    }
}
