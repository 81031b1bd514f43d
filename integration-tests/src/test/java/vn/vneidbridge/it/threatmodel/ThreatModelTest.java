package vn.vneidbridge.it.threatmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/threat-model.md} names, for every threat, the test that proves its defence. This unit test (run by
 * surefire, no Keycloak) fails when a test named there is not declared in any module's {@code src/test/java}; rows
 * still marked {@code TODO} are listed, not failed.
 */
class ThreatModelTest {

    @Nested
    class GivenTheProjectsThreatModel {

        private final Path root = projectRoot();
        private final ThreatModel model = ThreatModel.parse(read(root.resolve("docs/threat-model.md")));

        @Test
        void thenEveryTestItNamesIsDeclaredAsATest() {
            assertThat(model.rows()).as("the threat tables").isNotEmpty();
            assertThat(model.rows().stream().flatMap(row -> row.named().stream())).as("the tests named").isNotEmpty();

            assertThat(model.problems(TestSources.under(root))).isEmpty();
        }

        @Test
        void thenEveryRowHasItsOwnId() {
            Map<String, Long> ids = model.rows().stream()
                    .collect(Collectors.groupingBy(ThreatModel.Row::id, Collectors.counting()));

            assertThat(ids.keySet()).allSatisfy(id -> assertThat(id).matches("[A-Z]{2}-\\d+"));
            assertThat(ids).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
        }

        /** Not a failure: the lead removes the TODOs as their tests land. */
        @Test
        void thenTheRowsStillWaitingForATestAreListed() {
            List<ThreatModel.Row> todo = model.todo();
            System.out.printf("threat model: %d rows, %d still TODO: %s%n", model.rows().size(), todo.size(),
                    todo.stream().map(ThreatModel.Row::id).collect(Collectors.joining(", ")));

            assertThat(todo).allSatisfy(row -> assertThat(row.tests()).contains(ThreatModel.TODO));
        }
    }

    @Nested
    class GivenASmallTable {

        @TempDir
        Path repo;

        @BeforeEach
        void aModuleWithTests() throws IOException {
            write("core/src/test/java/vn/example/TokenTest.java", """
                    package vn.example;

                    import org.junit.jupiter.api.Test;

                    class TokenTest {

                        // void thenACommentDoesNotCount() {
                        private static final String TEXT = "void thenAStringDoesNotCount() {";

                        @Test
                        void thenAForgedTokenIsRefused() {
                        }

                        @org.junit.jupiter.api.Disabled("flaky")
                        @Test
                        void thenSomethingSwitchedOff() {
                        }

                        void helper() {
                        }
                    }
                    """);
            write("integration-tests/src/test/java/vn/example/LoginContract.java", """
                    package vn.example;

                    abstract class LoginContract {

                        @org.junit.jupiter.api.Nested
                        class GivenAWrongPassword {

                            @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
                            @org.junit.jupiter.params.provider.ValueSource(strings = {"a", "b"})
                            void thenNothingIsImported(String username) {
                            }
                        }
                    }
                    """);
            write("integration-tests/src/test/java/vn/example/LoginIT.java", """
                    package vn.example;

                    class LoginIT extends LoginContract {

                        @org.junit.jupiter.api.Nested
                        class GivenALinkedCitizen {

                            @org.junit.jupiter.api.Test
                            @SuppressWarnings("unchecked")
                            void thenUnlinkAsksForVneid() {
                                Runnable inner = new Runnable() {
                                    public void run() {
                                    }
                                };
                            }
                        }

                        @org.junit.jupiter.api.Nested
                        class GivenAStranger {

                            @org.junit.jupiter.api.Test
                            void thenNothingIsLinked() {
                            }
                        }
                    }
                    """);
            write("integration-tests/src/test/java/vn/example/SharedChecksIT.java", """
                    abstract class SharedChecksIT {
                        @org.junit.jupiter.api.Test
                        void thenShared() {
                        }
                    }
                    """);
            write("integration-tests/src/main/java/vn/example/MainTest.java", """
                    class MainTest {
                        @org.junit.jupiter.api.Test
                        void thenNotATestSource() {
                        }
                    }
                    """);
            write("integration-tests/target/test-classes/vn/example/BuiltTest.java", """
                    class BuiltTest {
                        @org.junit.jupiter.api.Test
                        void thenACopyInTarget() {
                        }
                    }
                    """);
        }

        private List<String> problems(String testCell) {
            return ThreatModel.parse(table(testCell)).problems(TestSources.under(repo));
        }

        private static String table(String testCell) {
            return """
                    # Threats

                    | # | threat | defence | test |
                    |---|---|---|---|
                    | XX-1 | someone | something | %s |
                    """.formatted(testCell);
        }

        @Test
        void thenItsRowsNamedTestsAndTodosAreRead() {
            ThreatModel model = ThreatModel.parse("""
                    Some text | with a pipe.

                    | # | threat | who | defence (where) | test |
                    |---|---|:-:|---|---|
                    | PW-1 | guessing \\| spraying | S | `LoginCaptcha#check` | `TokenTest#thenAForgedTokenIsRefused`, `LoginIT.GivenALinkedCitizen#thenUnlinkAsksForVneid` |
                    | PW-2 | timing | S | hole 5 | TODO |

                    | risk | why |
                    |---|---|
                    | `NotATest#read` | no test column |
                    """);

            assertThat(model.rows()).extracting(ThreatModel.Row::id, ThreatModel.Row::line)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("PW-1", 5),
                            org.assertj.core.groups.Tuple.tuple("PW-2", 6));
            assertThat(model.rows().get(0).named()).containsExactly("TokenTest#thenAForgedTokenIsRefused",
                    "LoginIT.GivenALinkedCitizen#thenUnlinkAsksForVneid");
            assertThat(model.rows().get(0).todo()).isFalse();
            assertThat(model.todo()).extracting(ThreatModel.Row::id).containsExactly("PW-2");
            assertThat(TestReference.parse("LoginIT.GivenALinkedCitizen#thenUnlinkAsksForVneid")).contains(
                    new TestReference("LoginIT", List.of("GivenALinkedCitizen"), "thenUnlinkAsksForVneid"));
        }

        @Test
        void thenDeclaredTestsPassIncludingNestedAndInheritedOnes() {
            assertThat(problems("`TokenTest#thenAForgedTokenIsRefused`, `LoginIT.GivenALinkedCitizen#thenUnlinkAsksForVneid`,"
                    + " `LoginIT.GivenAWrongPassword#thenNothingIsImported`, TODO for the rest")).isEmpty();
        }

        @Test
        void thenAMissingTestMakesItFail() {
            assertThat(problems("`TokenTest#thenAReplayedTokenIsRefused`")).singleElement().asString()
                    .contains("line 5 (XX-1)", "TokenTest#thenAReplayedTokenIsRefused", "no method");
            assertThat(problems("`NoSuchTest#thenAnything`")).singleElement().asString().contains("no file NoSuchTest.java");
        }

        @Test
        void thenAMissingNestedClassMakesItFail() {
            assertThat(problems("`LoginIT.GivenNobody#thenNothingIsLinked`")).singleElement().asString()
                    .contains("no class GivenNobody in LoginIT");
        }

        @Test
        void thenAMethodOfAnotherNestedClassOrOfTheOuterClassDoesNotCount() {
            assertThat(problems("`LoginIT.GivenALinkedCitizen#thenNothingIsLinked`")).hasSize(1);
            assertThat(problems("`LoginIT#thenNothingIsLinked`")).hasSize(1);
            assertThat(problems("`LoginIT.GivenALinkedCitizen#run`")).as("a method of an anonymous class").hasSize(1);
        }

        @Test
        void thenACommentOrAStringNamingATestDoesNotCount() {
            assertThat(problems("`TokenTest#thenACommentDoesNotCount`")).hasSize(1);
            assertThat(problems("`TokenTest#thenAStringDoesNotCount`")).hasSize(1);
        }

        @Test
        void thenAHelperOrADisabledTestIsRefused() {
            assertThat(problems("`TokenTest#helper`")).singleElement().asString().contains("not annotated as a test");
            assertThat(problems("`TokenTest#thenSomethingSwitchedOff`")).singleElement().asString().contains("@Disabled");
        }

        @Test
        void thenAnAbstractOrUnrunClassOrAFileOutsideSrcTestJavaIsRefused() {
            assertThat(problems("`SharedChecksIT#thenShared`")).singleElement().asString().contains("is abstract");
            assertThat(problems("`LoginContract.GivenAWrongPassword#thenNothingIsImported`")).singleElement().asString()
                    .contains("run by neither surefire (*Test) nor failsafe (*IT)");
            assertThat(problems("`MainTest#thenNotATestSource`")).singleElement().asString().contains("no file");
            assertThat(problems("`BuiltTest#thenACopyInTarget`")).singleElement().asString().contains("no file");
        }

        @Test
        void thenARowWithoutTestOrTodoOrWithAMalformedNameIsReported() {
            assertThat(problems("none yet")).singleElement().asString().contains("names no test");
            assertThat(problems("`TokenTest.thenAForgedTokenIsRefused#`")).singleElement().asString()
                    .contains("not of the form");
        }

        @Test
        void thenBlankingKeepsPositionsAndLineBreaks() {
            String text = "a /* b\n c */ \"d\\\"e\" 'f' // g\nh";
            String code = JavaSource.blankCommentsAndLiterals(text);

            assertThat(code).hasSameSizeAs(text).startsWith("a ").endsWith("\nh").doesNotContain("b", "c", "d", "e", "f", "g");
            assertThat(code.chars().filter(c -> c == '\n').count()).isEqualTo(2);
        }

        private void write(String path, String text) throws IOException {
            Path file = repo.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }

    static Path projectRoot() {
        Path basedir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path root = basedir.getParent();
        if (root == null || !Files.isRegularFile(root.resolve("docs/threat-model.md"))) {
            throw new IllegalStateException("run from the integration-tests module (basedir " + basedir + ")");
        }
        return root;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
