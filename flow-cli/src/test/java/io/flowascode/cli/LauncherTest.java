package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built launcher, target/flow, as a user runs it: with the class-data archive the build made,
 * and silently without it when the archive does not fit. Runs after `package` (the surefire
 * execution `launcher` in this module's pom), since the launcher, the jar and the archive are
 * made there.
 */
class LauncherTest {
  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final Path SAMPLE = Path.of("../samples/06-stream-selector.flow.yaml").toAbsolutePath().normalize();
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /** What `java -jar flow.jar` answers, the reference for every launch below. */
  private static Run plain;

  @TempDir
  Path tmp;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void plainJar() throws Exception {
    plain = run(Map.of(), JAVA, "-jar", TARGET.resolve("flow.jar").toString(), "validate", SAMPLE.toString());
    assertThat(plain.exit()).as(plain.err()).isZero();
    assertThat(plain.out()).contains("1 flow file(s) valid.");
  }

  @Test
  void theBuildMadeAnArchiveWheneverThisJvmCanShareClasses() throws Exception {
    // -Xshare:on fails when the JVM has no base archive to build on, the one case where the
    // build may leave none (and says so); anywhere else a missing archive is a defect.
    Run sharing = run(Map.of(), JAVA, "-Xshare:on", "-version");
    if (sharing.exit() == 0) {
      assertThat(TARGET.resolve("flow.jsa")).as("the class-data archive of the build").isRegularFile();
    }
  }

  @Test
  void validatesWithTheArchiveAndSaysNothingOfIt() throws Exception {
    Run run = launch(TARGET.resolve("flow"), Map.of(), "validate", SAMPLE.toString());
    assertThat(run).isEqualTo(plain);
  }

  @Test
  void loadsTheCompilerFromTheArchive() throws Exception {
    Path archive = TARGET.resolve("flow.jsa");
    assumeTrue(Files.exists(archive), "this JVM made no class-data archive (the test above says whether it may)");
    Run run = launch(TARGET.resolve("flow"), Map.of("FLOW_JAVA_OPTS", "-Xlog:class+load=info"), "validate", SAMPLE.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).containsPattern("io\\.flowascode\\.compiler\\.\\S+ source: shared objects file \\(top\\)")
        .doesNotContainPattern("io\\.flowascode\\.compiler\\.\\S+ source: (file|jar):");
  }

  @Test
  void anArchiveThatDoesNotFitIsIgnoredSilently() throws Exception {
    // Copied elsewhere, the jar has another path and time than the archive recorded: the JVM
    // refuses the archive, as it would after a rebuild without one or under another Java.
    Path copy = Files.createDirectories(tmp.resolve("bin"));
    for (String file : List.of("flow", "flow.jar", "flow.jsa")) {
      if (Files.exists(TARGET.resolve(file))) {
        Files.copy(TARGET.resolve(file), copy.resolve(file));
      }
    }
    copy.resolve("flow").toFile().setExecutable(true);
    assertThat(launch(copy.resolve("flow"), Map.of(), "validate", SAMPLE.toString())).isEqualTo(plain);
    Run loaded = launch(copy.resolve("flow"), Map.of("FLOW_JAVA_OPTS", "-Xlog:class+load=info"), "validate", SAMPLE.toString());
    assertThat(loaded.out()).doesNotContain("shared objects file (top)");
  }

  @Test
  void withoutAnArchiveAndThroughALinkOnThePath() throws Exception {
    Path copy = Files.createDirectories(tmp.resolve("opt"));
    Files.copy(TARGET.resolve("flow"), copy.resolve("flow"));
    Files.copy(TARGET.resolve("flow.jar"), copy.resolve("flow.jar"));
    copy.resolve("flow").toFile().setExecutable(true);
    Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("path")).resolve("flow"), copy.resolve("flow"));
    assertThat(launch(link, Map.of(), "validate", SAMPLE.toString())).isEqualTo(plain);
  }

  /** The launcher under the same Java as this test, with these variables added. */
  private static Run launch(Path launcher, Map<String, String> variables, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    Map<String, String> env = new HashMap<>(variables);
    env.put("JAVA_HOME", System.getProperty("java.home"));
    return run(env, command.toArray(String[]::new));
  }

  private static Run run(Map<String, String> variables, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(TARGET.toFile());
    builder.environment().remove("FLOW_JAVA_OPTS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().putAll(variables);
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    try {
      Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command[0]);
      }
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
