package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: exit codes, all-or-nothing output, and what describe shows. */
class FlowCliTest {
  static final Path SAMPLES = Path.of("..", "samples");

  @TempDir
  Path tmp;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = FlowCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(exit, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void validSamplesExitZero() {
    Run r = run("validate", SAMPLES.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("flow file(s) valid");
  }

  @Test
  void aFlowWithErrorsExitsOneAndNamesFileLineAndColumn() throws IOException {
    Path bad = write("bad.flow.yaml", "flow: {id: x}\nstages:\n  t: {label: Trsh}\n");
    Run r = run("validate", bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("E0301", ":3:", "did you mean `Trash`?");
    assertThat(r.out() + r.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("compile", "x.flow.yaml").exit()).isEqualTo(2);
    assertThat(run("frobnicate").exit()).isEqualTo(2);
    assertThat(run("validate", tmp.resolve("missing.flow.yaml").toString()).exit()).isEqualTo(2);
  }

  @Test
  void compileWritesOneFilePerFlowNamedByItsId() throws IOException {
    Path out = tmp.resolve("out");
    Run r = run("compile", SAMPLES.resolve("06-stream-selector.flow.yaml").toString(), "-o", out.toString());
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(out.resolve("stream-selector.json")).exists();
  }

  @Test
  void compileWritesNothingWhenAnyFlowHasErrors() throws IOException {
    Path out = tmp.resolve("out");
    Path good = SAMPLES.resolve("01-listing-stages.flow.yaml");
    Path bad = write("bad.flow.yaml", "flow: {id: bad}\nstages:\n  t: {label: Trash}\n");
    Run r = run("compile", good.toString(), bad.toString(), "-o", out.toString());
    assertThat(r.exit()).isEqualTo(1);
    if (Files.exists(out)) {
      try (Stream<Path> files = Files.list(out)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void twoFilesWithOneFlowIdAreAnError() throws IOException {
    Path a = write("a.flow.yaml", Files.readString(SAMPLES.resolve("01-listing-stages.flow.yaml")));
    Path b = write("b.flow.yaml", Files.readString(SAMPLES.resolve("01-listing-stages.flow.yaml")));
    Run r = run("validate", a.toString(), b.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("E0607");
  }

  @Test
  void describeShowsInstanceNamesAndConnectionsAsTheSdkDoes() {
    Run r = run("describe", SAMPLES.resolve("04-connecting-stages.flow.yaml").toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("stages: [DevRawDataSource_01, Trash_01, Trash_02, PipelineFinisherExecutor_01]");
    assertThat(r.out()).contains("  outputs: [Trash_01, Trash_02]", "  events:  [PipelineFinisherExecutor_01]");
  }

  @Test
  void strictTurnsWarningsIntoErrors() {
    Path devFlow = SAMPLES.resolve("01-listing-stages.flow.yaml");
    assertThat(run("validate", devFlow.toString()).exit()).isZero();
    assertThat(run("validate", "--strict", devFlow.toString()).exit()).isEqualTo(1);
  }
}
