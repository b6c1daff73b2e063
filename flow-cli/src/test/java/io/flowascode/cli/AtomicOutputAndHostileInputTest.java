package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `flow compile -o DIR` writes every flow or none: with one bad file among good ones, with hostile
 * files, or when a target cannot be written, DIR ends as it was (no file, not even a temporary
 * one), the exit code is 1 and the output holds diagnostics, never a stack trace.
 */
class AtomicOutputAndHostileInputTest {
  @TempDir
  Path tmp;

  record Run(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = FlowCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(exit, out.toString(), err.toString());
  }

  private static String flow(String id) {
    return "flow:\n  id: " + id + "\nstages:\n  files: {label: Directory, config: {data_format: JSON, files_directory: /data/in, file_name_pattern: '*.json'}}\n  trash: {label: Trash}\n"
        + "connections:\n  - files >> trash\n";
  }

  private Path flows(String... namesAndTexts) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("flows"));
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      Files.writeString(dir.resolve(namesAndTexts[i]), namesAndTexts[i + 1]);
    }
    return dir;
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  private static void assertFailedCleanly(Run r, String... codes) {
    assertThat(r.exit()).as(r.all()).isEqualTo(FlowCli.INVALID_INPUT);
    assertThat(r.all()).contains(codes);
    assertThat(r.all()).doesNotContain("Exception", "\tat ", "E0900");
  }

  @Test
  void goodFlowsAloneAreAllWritten() throws IOException {
    Path in = flows("a.flow.yaml", flow("a"), "b.flow.yaml", flow("b"));
    Path out = tmp.resolve("out");

    Run r = run("compile", in.toString(), "-o", out.toString());

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(filesUnder(out)).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("a.json", "b.json");
  }

  @Test
  void oneBadFileAmongGoodOnesWritesNothing() throws IOException {
    Path in = flows(
        "a.flow.yaml", flow("a"),
        "b.flow.yaml", flow("b"),
        "c.flow.yaml", flow("c").replace("label: Trash", "label: Trsh"),
        "d.flow.yaml", flow("d"));
    Path out = Files.createDirectories(tmp.resolve("out"));

    Run r = run("compile", in.toString(), "-o", out.toString());

    assertFailedCleanly(r, "E0301", "c.flow.yaml");
    assertThat(filesUnder(out)).isEmpty();
  }

  @Test
  void anOutputDirectoryThatDoesNotExistIsNotCreatedForNothing() throws IOException {
    Path in = flows("a.flow.yaml", flow("a"), "b.flow.yaml", "flow: {id: b}\n");
    Path out = tmp.resolve("not-yet");

    assertFailedCleanly(run("compile", in.toString(), "-o", out.toString()), "E0202");
    assertThat(out).doesNotExist();
  }

  @Test
  void aTargetThatCannotBeWrittenLeavesTheOthersAsTheyWere() throws IOException {
    Path in = flows("a.flow.yaml", flow("a"), "b.flow.yaml", flow("b"));
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("a.json"), "the previous a\n");
    // A non-empty directory where b.json should go: the move onto it fails after a.json's.
    Files.writeString(Files.createDirectories(out.resolve("b.json")).resolve("keep"), "x");

    Run r = run("compile", in.toString(), "-o", out.toString());

    assertThat(r.exit()).as(r.all()).isEqualTo(FlowCli.INVALID_INPUT);
    assertThat(r.all()).contains("cannot write").doesNotContain("Exception", "\tat ");
    assertThat(filesUnder(out)).containsExactlyInAnyOrder(out.resolve("a.json"), out.resolve("b.json").resolve("keep"));
    assertThat(out.resolve("a.json")).hasContent("the previous a");
  }

  @Test
  void aBillionLaughsFileIsRefusedBeforeItExpands() throws IOException {
    StringBuilder yaml = new StringBuilder("lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      String prev = "*lol" + (i - 1);
      yaml.append("lol").append(i).append(": &lol").append(i).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, prev))).append("]\n");
    }
    Path in = flows("a.flow.yaml", flow("a"), "laughs.flow.yaml", yaml.toString());
    Path out = tmp.resolve("out");

    assertFailedCleanly(run("compile", in.toString(), "-o", out.toString()), "E0105", "laughs.flow.yaml");
    assertThat(filesUnder(out)).isEmpty();
  }

  @Test
  void aBinaryFileIsRefusedAsNotText() throws IOException {
    Path in = flows("a.flow.yaml", flow("a"));
    // A PNG header, as a careless glob or a renamed file would bring in.
    Files.write(in.resolve("image.flow.yaml"),
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', (byte) 0xFF});
    Path out = tmp.resolve("out");

    assertFailedCleanly(run("compile", in.toString(), "-o", out.toString()), "E0110", "image.flow.yaml");
    assertThat(filesUnder(out)).isEmpty();
  }

  @Test
  void aTenMegabyteValueIsRefusedWhereItStarts() throws IOException {
    String huge = flow("huge").replace("flow:\n", "flow:\n  description: " + "x".repeat(10 * 1024 * 1024) + "\n");
    Path in = flows("a.flow.yaml", flow("a"));
    Files.writeString(in.resolve("huge.flow.yaml"), huge, StandardCharsets.UTF_8);
    Path out = tmp.resolve("out");

    Run r = run("compile", in.toString(), "-o", out.toString());

    assertFailedCleanly(r, "E0107", "huge.flow.yaml:2:");
    assertThat(r.all().length()).as("the diagnostic does not echo the value").isLessThan(10_000);
    assertThat(filesUnder(out)).isEmpty();
  }

  @Test
  void anUnreadableDefinitionsFileIsReportedWithItsCode() throws IOException {
    Path in = flows("a.flow.yaml", flow("a"));
    Path definitions = Files.writeString(tmp.resolve("definitions.json"), "{\"not\": \"definitions\"}");
    Path out = tmp.resolve("out");

    Run r = run("compile", in.toString(), "--definitions", definitions.toString(), "-o", out.toString());

    assertFailedCleanly(r, "error[E0311]", "definitions.json");
    assertThat(filesUnder(out)).isEmpty();
  }
}
