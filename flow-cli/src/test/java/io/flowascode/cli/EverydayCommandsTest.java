package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.engine.target.LocalStoreTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a user of terraform, kubectl or git expects of a command line: help, version, colour, fmt, completion, list. */
class EverydayCommandsTest {
  private static final String ANSI = "\u001B[";

  @TempDir
  Path tmp;

  private static Cli.Run flow(String... args) {
    return Cli.run(Map.of(), args);
  }

  @Test
  void bareFlowNamesEveryCommand() {
    Cli.Run bare = flow();
    assertThat(bare.exit()).isEqualTo(FlowCli.USAGE);
    CommandLine cli = FlowCli.commandLine(new FlowCli(null), new String[0]);
    assertThat(cli.getSubcommands().keySet()).contains("init", "fmt", "list", "completion", "catalog", "definitions");
    for (String command : cli.getSubcommands().keySet()) {
      assertThat(bare.err()).as("bare `flow` names " + command).containsPattern("(?m)^  ([\\w-]+, )*" + Pattern.quote(command) + "\\b");
    }
    assertThat(bare.err()).contains("Exit codes:", "NO_COLOR");
  }

  @Test
  void theVersionIsTheBuildsOwn() throws IOException {
    Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(Path.of("..", "pom.xml")));
    assertThat(m.find()).isTrue();
    Cli.Run version = flow("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("flow " + m.group(1) + "\n").doesNotContain("development build");
  }

  @Test
  void colourIsOnAtATerminalAndOffWithNoColorOrNoColorOrInAPipe() {
    String sample = FlowCliTest.SAMPLES.resolve("05-events.flow.yaml").toString();
    String store = tmp.resolve("store").toString();
    assertThat(Cli.run(Cli.terminal("no"), Map.of("TERM", "xterm"), "plan", sample, "--store", store).out()).contains(ANSI);
    assertThat(Cli.run(Cli.terminal("no"), Map.of("TERM", "xterm", "NO_COLOR", "1"), "plan", sample, "--store", store).out())
        .doesNotContain(ANSI);
    assertThat(Cli.run(Cli.terminal("no"), Map.of("TERM", "xterm"), "plan", sample, "--store", store, "--no-color").out())
        .doesNotContain(ANSI);
    assertThat(Cli.run(Cli.terminal("no"), Map.of("TERM", "dumb"), "plan", sample, "--store", store).out()).doesNotContain(ANSI);
    assertThat(flow("plan", sample, "--store", store).out()).doesNotContain(ANSI);
    assertThat(flow("plan", sample, "--store", store, "--color").out()).contains(ANSI);
    Path bad = FlowCliTest.SAMPLES.resolve("05-events.flow.yaml");
    assertThat(Cli.run(Cli.terminal("no"), Map.of("TERM", "xterm"), "validate", bad.toString()).out()).contains(ANSI);
  }

  @Test
  void fmtLaysFilesOutCanonicallyKeepingEveryCommentAndCheckFailsUntilItHas() throws IOException {
    Path file = tmp.resolve("messy.flow.yaml");
    Files.writeString(file, """
        stages:   # the stages
            trash:   {label: Trash}
            # the origin, above its key
            source:
                config: {stop_after_first_batch: true,   raw_data: '{}'}
                label: Dev Raw Data Source
        connections:
        -   source >> trash    # the only lane
        flow:
            title: Messy
            id: messy
        """);
    String compiledBefore = compiled(file);

    Cli.Run check = flow("fmt", "--check", "--diff", file.toString());
    assertThat(check.exit()).isEqualTo(FlowCli.INVALID_INPUT);
    assertThat(check.out()).contains("--- a/" + file, "+flow:", "not formatted: " + file);
    assertThat(Files.readString(file)).startsWith("stages:");

    Cli.Run fmt = flow("fmt", file.toString());
    assertThat(fmt.exit()).as(fmt.both()).isZero();
    assertThat(file).content().isEqualTo("""
        flow:
          id: messy
          title: Messy
        stages:   # the stages
          trash: { label: Trash }
          # the origin, above its key
          source:
            label: Dev Raw Data Source
            config: { stop_after_first_batch: true, raw_data: '{}' }
        connections:
          - source >> trash    # the only lane
        """);
    assertThat(compiled(file)).isEqualTo(compiledBefore);
    assertThat(flow("fmt", "--check", file.toString()).exit()).isZero();
    assertThat(flow("fmt", "--check", FlowCliTest.SAMPLES.toString()).exit()).as("the samples are laid out canonically").isZero();
  }

  @Test
  void completionCoversEveryCommandAndIsAScriptBashReads() throws Exception {
    Cli.Run completion = flow("completion");
    assertThat(completion.exit()).isZero();
    for (String command : FlowCli.commandLine(new FlowCli(null), new String[0]).getSubcommands().keySet()) {
      assertThat(completion.out()).contains(command);
    }
    assertThat(completion.out()).contains("complete -F", "--env", "--plan-file", "--detailed-exitcode");
    Path bash = Path.of("/bin/bash");
    assumeTrue(Files.isExecutable(bash), "no bash to check the script's syntax");
    Path script = Files.writeString(tmp.resolve("flow-completion.bash"), completion.out());
    Process p = new ProcessBuilder(bash.toString(), "-n", script.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
  }

  @Test
  void compiledFilesGetTheUmasksPermissionsNotOwnerOnly() throws IOException {
    Path out = tmp.resolve("json");
    assertThat(flow("compile", FlowCliTest.SAMPLES.resolve("05-events.flow.yaml").toString(), "-o", out.toString()).exit()).isZero();
    Set<PosixFilePermission> ordinary;
    try {
      ordinary = Files.getPosixFilePermissions(Files.createFile(out.resolve("ordinary.txt")));
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "no POSIX permissions on this file system");
      return;
    }
    assertThat(Files.getPosixFilePermissions(out.resolve("events.json"))).isEqualTo(ordinary);
  }

  @Test
  void listShowsWhatTheTargetHoldsAndWhichFlowsThisToolManages() throws Exception {
    Path project = tmp.resolve("shop");
    assertThat(flow("init", project.toString()).exit()).isZero();
    assertThat(flow("-C", project.toString(), "apply").exit()).isZero();
    try (LocalStoreTarget store = new LocalStoreTarget(project.resolve(".flow-store"), BundledCatalog.load())) {
      ObjectNode byHand = (ObjectNode) new ObjectMapper().readTree(Files.readString(
          FlowCliTest.SAMPLES.resolve("expected/events.json")));
      store.createWith("made-in-the-ui", byHand);
    }
    Cli.Run list = flow("-C", project.toString(), "list");
    assertThat(list.exit()).as(list.both()).isZero();
    assertThat(list.out().lines().toList()).contains(
        "ID              TITLE         MANAGED  IN PROJECT",
        "hello-orders    Hello orders  yes      yes",
        "made-in-the-ui  Events        no       no");
    assertThat(list.out()).contains("2 flow(s) on local store at", "1 managed by flow-as-code, 1 in the project.");
  }

  private String compiled(Path file) throws IOException {
    Path out = Files.createTempDirectory(tmp, "compiled");
    Cli.Run r = flow("compile", file.toString(), "-o", out.toString());
    assertThat(r.exit()).as(r.both()).isZero();
    try (var files = Files.list(out)) {
      List<Path> list = files.toList();
      return Files.readString(list.get(0));
    }
  }
}
