package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `flow import`: one flow file per pipeline, from files or zips, all or nothing, never overwriting unasked. */
class ImportCommandTest {
  private static final Path GOLDEN = Path.of("..", "samples", "expected");

  @TempDir
  Path tmp;

  private record Run(int exit, String out) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = FlowCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(exit, out + err.toString());
  }

  private List<Path> listing(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void eachPipelineBecomesAFlowFileNamedByItsIdThatCompiles() throws IOException {
    Path out = tmp.resolve("flows");
    Run r = run("import", GOLDEN.resolve("expense-router.json").toString(), GOLDEN.resolve("web-logs.json").toString(),
        "-o", out.toString());
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(listing(out)).extracting(p -> p.getFileName().toString())
        .containsExactly("expense-router.flow.yaml", "web-logs.flow.yaml");
    assertThat(r.out()).contains("wrote " + out.resolve("web-logs.flow.yaml"));
    Run compiled = run("compile", out.toString(), "-o", tmp.resolve("json").toString());
    assertThat(compiled.exit()).as(compiled.out()).isZero();
  }

  @Test
  void aZipOfPipelinesImportsEveryJsonEntry() throws IOException {
    Path zip = tmp.resolve("export.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String name : List.of("fan-out.json", "chaining.json")) {
        z.putNextEntry(new ZipEntry("pipelines/" + name));
        z.write(Files.readAllBytes(GOLDEN.resolve(name)));
        z.closeEntry();
      }
      z.putNextEntry(new ZipEntry("README.txt"));
      z.write("not a pipeline".getBytes());
      z.closeEntry();
    }
    Path out = tmp.resolve("flows");
    Run r = run("import", zip.toString(), "-o", out.toString());
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(listing(out)).extracting(p -> p.getFileName().toString())
        .containsExactly("chaining.flow.yaml", "fan-out.flow.yaml");
  }

  @Test
  void anExistingFileIsOverwrittenOnlyWithForce() throws IOException {
    Path out = tmp.resolve("flows");
    Files.createDirectories(out);
    Path existing = Files.writeString(out.resolve("fan-out.flow.yaml"), "mine\n");
    String pipeline = GOLDEN.resolve("fan-out.json").toString();

    Run refused = run("import", pipeline, "-o", out.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.out()).contains("exists; use --force", "nothing written");
    assertThat(Files.readString(existing)).isEqualTo("mine\n");

    Run forced = run("import", pipeline, "-o", out.toString(), "--force");
    assertThat(forced.exit()).as(forced.out()).isZero();
    assertThat(Files.readString(existing)).startsWith("# yaml-language-server:");
  }

  @Test
  void nothingIsWrittenWhenAnyPipelineIsRefusedOrUnreadable() throws IOException {
    Path transformer = Files.writeString(tmp.resolve("spark.json"), Files.readString(GOLDEN.resolve("fan-out.json"))
        .replace("\"STANDALONE\"", "\"BATCH\""));
    Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"pipelineConfig\": {\"secret\": \"hunter2\",");
    Path out = tmp.resolve("flows");
    Run r = run("import", GOLDEN.resolve("chaining.json").toString(), transformer.toString(), broken.toString(),
        "-o", out.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("Transformer", "broken.json: not valid JSON (line 1").doesNotContain("hunter2");
    assertThat(listing(out)).isEmpty();
  }

  @Test
  void aMissingFileIsAUsageError() {
    assertThat(run("import", tmp.resolve("nope.json").toString(), "-o", tmp.toString()).exit()).isEqualTo(2);
  }

  @Test
  void aRealExportImportsWithItsNotesAndCompilesWithTheDefinitionsItWrote() throws IOException {
    String shared = System.getProperty("flow.shared.dir");
    Path envelope = shared == null ? null
        : Path.of(shared).resolve("platform/examples/sdc-sample-ParseWebLogs-export-envelope.json");
    assumeTrue(envelope != null && Files.exists(envelope), "shared platform examples not found; skipping");
    Path out = tmp.resolve("flows");
    Run r = run("import", envelope.toString(), "-o", out.toString());
    assertThat(r.exit()).as(r.out()).isZero();
    List<String> compile = new ArrayList<>(List.of("compile", out.toString(), "-o", tmp.resolve("json").toString()));
    for (Path p : listing(out)) {
      if (p.toString().endsWith(".definitions.json")) {
        compile.add("--definitions");
        compile.add(p.toString());
      }
    }
    Run compiled = run(compile.toArray(String[]::new));
    assertThat(compiled.exit()).as(compiled.out()).isZero();
  }

}
