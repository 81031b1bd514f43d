package vn.vneidbridge.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message bundle of the project — the themes' and the providers' theme-resources — says the same things in
 * Vietnamese (the default) and English: for each messages_vi.properties under any module's src/main/resources,
 * the messages_en.properties beside it has exactly the same keys, and no value is empty.
 */
class MessageBundlesTest {

    @Test
    void everyVietnameseBundleHasAnEnglishTwinWithTheSameKeys() throws IOException {
        List<Path> bundles = vietnameseBundles();
        assertThat(bundles).as("the bundles of themes and providers").hasSizeGreaterThanOrEqualTo(4);

        for (Path vi : bundles) {
            Path en = vi.resolveSibling("messages_en.properties");
            assertThat(en).as("English twin of " + vi).exists();
            Set<String> viKeys = load(vi).stringPropertyNames();
            Set<String> enKeys = load(en).stringPropertyNames();
            Set<String> onlyVi = new TreeSet<>(viKeys);
            onlyVi.removeAll(enKeys);
            Set<String> onlyEn = new TreeSet<>(enKeys);
            onlyEn.removeAll(viKeys);
            assertThat(onlyVi).as("keys of " + vi + " missing in English").isEmpty();
            assertThat(onlyEn).as("keys of " + en + " missing in Vietnamese").isEmpty();
        }
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        for (Path vi : vietnameseBundles()) {
            Path en = vi.resolveSibling("messages_en.properties");
            Properties viMessages = load(vi);
            Properties enMessages = load(en);
            for (String key : viMessages.stringPropertyNames()) {
                assertThat(viMessages.getProperty(key)).as(key + " in " + vi).isNotBlank();
            }
            for (String key : enMessages.stringPropertyNames()) {
                assertThat(enMessages.getProperty(key)).as(key + " in " + en).isNotBlank();
            }
        }
    }

    /**
     * Keycloak merges every provider jar's theme-resources messages into each theme, in no promised order: a key two
     * providers define must say the same thing in both, or the page shows whichever happens to win.
     */
    @Test
    void aKeyTwoProvidersDefineSaysTheSameInBoth() throws IOException {
        for (String bundle : List.of("messages_vi.properties", "messages_en.properties")) {
            java.util.Map<String, String> seen = new java.util.HashMap<>();
            java.util.Map<String, Path> where = new java.util.HashMap<>();
            for (Path vi : vietnameseBundles()) {
                if (!vi.toString().contains("theme-resources")) {
                    continue;
                }
                Path file = vi.resolveSibling(bundle);
                Properties messages = load(file);
                for (String key : messages.stringPropertyNames()) {
                    String text = messages.getProperty(key);
                    String before = seen.putIfAbsent(key, text);
                    if (before != null) {
                        assertThat(text).as(key + " in " + file + " and " + where.get(key)).isEqualTo(before);
                    }
                    where.putIfAbsent(key, file);
                }
            }
        }
    }

    /** Keycloak formats messages with MessageFormat, where a lone apostrophe vanishes ("account's" → "accounts"). */
    @Test
    void noMessageHasALoneApostrophe() throws IOException {
        java.util.regex.Pattern lone = java.util.regex.Pattern.compile("(?<!')'(?!')");
        for (Path vi : vietnameseBundles()) {
            for (Path file : List.of(vi, vi.resolveSibling("messages_en.properties"))) {
                Properties messages = load(file);
                for (String key : messages.stringPropertyNames()) {
                    assertThat(lone.matcher(messages.getProperty(key)).find())
                            .as(key + " in " + file + ": write '' or rephrase").isFalse();
                }
            }
        }
    }

    @Test
    void theDvcThemeSpellsThePortalWithItsDiacritics() throws IOException {
        Properties vi = load(projectRoot().resolve("themes/src/main/resources/theme/dvc/login/messages/messages_vi.properties"));

        assertThat(vi.getProperty("dvcHeaderName")).isEqualTo("CỔNG DỊCH VỤ CÔNG QUỐC GIA");
        assertThat(vi.getProperty("dvcHeaderSlogan")).isEqualTo("Kết nối, cung cấp thông tin và dịch vụ công mọi lúc, mọi nơi");
        assertThat(vi.getProperty("dvcChooserLead"))
                .isEqualTo("Chọn loại tài khoản bạn muốn sử dụng để đăng nhập Cổng dịch vụ công Quốc gia");
        assertThat(vi.getProperty("dvcNoticeTitle")).isEqualTo("THÔNG BÁO TỪ HỆ THỐNG:");
    }

    static List<Path> vietnameseBundles() throws IOException {
        try (Stream<Path> files = Files.walk(projectRoot())) {
            return files.filter(p -> p.getFileName().toString().equals("messages_vi.properties"))
                    .filter(p -> p.toString().contains("src" + java.io.File.separator + "main" + java.io.File.separator + "resources"))
                    .sorted()
                    .toList();
        }
    }

    static Path projectRoot() {
        Path basedir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path root = basedir.getParent();
        if (root == null || !Files.isDirectory(root.resolve("themes"))) {
            throw new IllegalStateException("run from the themes module (basedir " + basedir + ")");
        }
        return root;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
