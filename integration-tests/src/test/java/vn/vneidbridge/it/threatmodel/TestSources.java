package vn.vneidbridge.it.threatmodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The test sources of the repository — every {@code *.java} under a module's {@code src/test/java} — and whether a
 * {@link TestReference} names a test declared there that Maven runs: a class named as surefire ({@code *Test}) or
 * failsafe ({@code *IT}) picks it up, not abstract, with the nested classes and the method named, the method annotated
 * as a JUnit test and not disabled. A class's nested classes and methods may come from the class it extends (a
 * contract shared by two test classes).
 */
final class TestSources {

    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", ".git", "node_modules", ".mvn");
    private static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest",
            "TestFactory", "TestTemplate");
    /**
     * The default includes of surefire and failsafe, and {@code ServerLogsScan}, which integration-tests/pom.xml's
     * second failsafe execution ({@code scan-server-logs}) runs by name after the other integration tests.
     */
    private static final Pattern RUN_BY_MAVEN = Pattern.compile(
            "Test\\w*|\\w*Test|\\w*Tests|\\w*TestCase|IT\\w*|\\w*IT|\\w*ITCase|ServerLogsScan");
    private static final int MAX_SUPERCLASSES = 10;

    /** A class found in a file. */
    private record Located(JavaSource source, JavaSource.ClassBody body) {
    }

    private final Map<String, List<Path>> filesBySimpleName;
    private final Map<Path, JavaSource> parsed = new HashMap<>();

    private TestSources(Map<String, List<Path>> filesBySimpleName) {
        this.filesBySimpleName = filesBySimpleName;
    }

    /** The test sources of every module under {@code root}. */
    static TestSources under(Path root) {
        Map<String, List<Path>> files = new HashMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return SKIPPED_FOLDERS.contains(String.valueOf(dir.getFileName())) && !dir.equals(root)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".java") && isUnderSrcTestJava(root.relativize(file))) {
                        files.computeIfAbsent(name.substring(0, name.length() - ".java".length()),
                                key -> new ArrayList<>()).add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestSources(files);
    }

    private static boolean isUnderSrcTestJava(Path relative) {
        for (int i = 0; i + 2 < relative.getNameCount(); i++) {
            if (relative.getName(i).toString().equals("src") && relative.getName(i + 1).toString().equals("test")
                    && relative.getName(i + 2).toString().equals("java")) {
                return true;
            }
        }
        return false;
    }

    /** Why {@code reference} does not name a test that runs, or empty when it does. */
    Optional<String> problem(TestReference reference) {
        String outer = reference.outerClass();
        List<Path> files = filesBySimpleName.getOrDefault(outer, List.of());
        if (files.isEmpty()) {
            return Optional.of("no file " + outer + ".java under any src/test/java");
        }
        if (!RUN_BY_MAVEN.matcher(outer).matches()) {
            return Optional.of(outer + " is run by neither surefire (*Test) nor failsafe (*IT)");
        }
        String last = "no class " + outer + " in " + outer + ".java";
        for (Path file : files) {
            Optional<String> problem = problemIn(source(file), reference);
            if (problem.isEmpty()) {
                return problem;
            }
            last = problem.get();
        }
        return Optional.of(last);
    }

    private Optional<String> problemIn(JavaSource source, TestReference reference) {
        Optional<JavaSource.ClassBody> outer = source.topLevelClass(reference.outerClass());
        if (outer.isEmpty()) {
            return Optional.of("no class " + reference.outerClass() + " in " + reference.outerClass() + ".java");
        }
        if (source.declarationOf(outer.get()).modifiers().contains("abstract")) {
            return Optional.of(reference.outerClass() + " is abstract: name the class that runs the test");
        }
        Located current = new Located(source, outer.get());
        String path = reference.outerClass();
        for (String nested : reference.nestedClasses()) {
            Optional<Located> found = memberClass(current, nested, 0);
            path += "." + nested;
            if (found.isEmpty()) {
                return Optional.of("no class " + nested + " in " + path.substring(0, path.lastIndexOf('.')));
            }
            current = found.get();
        }
        Optional<JavaSource.Declaration> method = voidMethod(current, reference.method(), 0);
        if (method.isEmpty()) {
            return Optional.of("no method void " + reference.method() + "( in " + path);
        }
        List<String> annotations = method.get().annotations();
        if (annotations.stream().noneMatch(TEST_ANNOTATIONS::contains)) {
            return Optional.of(path + "#" + reference.method() + " is not annotated as a test");
        }
        if (annotations.contains("Disabled")) {
            return Optional.of(path + "#" + reference.method() + " is @Disabled");
        }
        return Optional.empty();
    }

    private Optional<Located> memberClass(Located in, String name, int superclasses) {
        Optional<JavaSource.ClassBody> direct = in.source().memberClass(in.body(), name);
        if (direct.isPresent()) {
            return Optional.of(new Located(in.source(), direct.get()));
        }
        return superclassOf(in, superclasses).flatMap(parent -> memberClass(parent, name, superclasses + 1));
    }

    private Optional<JavaSource.Declaration> voidMethod(Located in, String name, int superclasses) {
        Optional<JavaSource.Declaration> direct = in.source().voidMethod(in.body(), name);
        if (direct.isPresent()) {
            return direct;
        }
        return superclassOf(in, superclasses).flatMap(parent -> voidMethod(parent, name, superclasses + 1));
    }

    /** The class {@code in} extends, when it is a top-level class of the test sources. */
    private Optional<Located> superclassOf(Located in, int superclasses) {
        if (superclasses >= MAX_SUPERCLASSES) {
            return Optional.empty();
        }
        return in.source().superclass(in.body()).flatMap(name -> {
            for (Path file : filesBySimpleName.getOrDefault(name, List.of())) {
                JavaSource source = source(file);
                Optional<JavaSource.ClassBody> body = source.topLevelClass(name);
                if (body.isPresent()) {
                    return Optional.of(new Located(source, body.get()));
                }
            }
            return Optional.empty();
        });
    }

    private JavaSource source(Path file) {
        return parsed.computeIfAbsent(file, path -> {
            try {
                return new JavaSource(Files.readString(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
