package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files against `flow validate` in a separate JVM with a 256 MB heap, as a small CI runner
 * would give it: each ends in exit 1 and a positioned diagnostic, never an OutOfMemoryError or a
 * stack trace. The limits are checked while reading, so the largest files are refused before the
 * document is built.
 */
class HostileInputMemoryTest {
  @TempDir
  Path tmp;

  private record Run(int exit, String output) {}

  private Run validateIn256Mb(Path file) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        FlowCli.class.getName(), "validate", file.toString())
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("output.txt").toFile());
    Process process = builder.start();
    // A guard against a hung child, not a measurement: the runs take seconds.
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("flow validate did not finish");
    }
    return new Run(process.exitValue(), Files.readString(tmp.resolve("output.txt")));
  }

  private Path write(String name, String head, String line, int count) throws IOException {
    Path file = tmp.resolve(name);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(head);
      for (int i = 0; i < count; i++) {
        out.write(String.format(line, i));
      }
    }
    return file;
  }

  private static void assertEndsInADiagnostic(Run run, String fileName, String code) {
    assertThat(run.exit()).as(run.output()).isEqualTo(FlowCli.INVALID_INPUT);
    assertThat(run.output()).contains("error[" + code + "]").containsPattern(fileName + ":\\d+:\\d+");
    assertThat(run.output()).doesNotContain("OutOfMemoryError", "Exception", "\tat ");
  }

  @Test
  void twentyMegabytesOfEightHundredThousandStagesAreRefusedAtTheFirstStageTooMany() throws Exception {
    Path file = write("stages.flow.yaml", "flow:\n  id: huge\nstages:\n", "  s%07d: {label: Trash}\n", 800_000);
    assertThat(Files.size(file)).isGreaterThan(20_000_000);

    Run run = validateIn256Mb(file);

    assertEndsInADiagnostic(run, "stages.flow.yaml", "E0107");
    assertThat(run.output()).contains("more than 10000 stages", "stages.flow.yaml:10004:3");
  }

  @Test
  void thirtyTwoMegabytesOfValuesJustUnderTheLimitAreReadAndChecked() throws Exception {
    Path file = write("values.flow.yaml", "flow:\n  id: values\n  description:\n",
        "    - %0100d\n", 299_990);

    Run run = validateIn256Mb(file);

    // Read in full: what is wrong is the flow (no stages), reported as for any small file.
    assertEndsInADiagnostic(run, "values.flow.yaml", "E0202");
  }

  @Test
  void aFlowSequenceOfThreeMillionNumbersIsRefusedWhereItPassesTheLimit() throws Exception {
    Path file = tmp.resolve("numbers.flow.yaml");
    Files.writeString(file, "flow:\n  id: numbers\nx: [" + String.join(",", java.util.Collections.nCopies(3_000_000, "1")) + "]\n");

    Run run = validateIn256Mb(file);

    assertEndsInADiagnostic(run, "numbers.flow.yaml", "E0107");
    assertThat(run.output()).contains("more than 300000 values");
  }

  @Test
  void theLimitsLeaveRoomForTenThousandStages() throws Exception {
    List<String> lines = new java.util.ArrayList<>(List.of("flow:", "  id: wide", "stages:"));
    for (int i = 0; i < 10_000; i++) {
      lines.add(String.format("  s%05d: {label: Trash}", i));
    }
    Path file = tmp.resolve("wide.flow.yaml");
    Files.write(file, lines);

    Run run = validateIn256Mb(file);

    // Too many stages is not the complaint: the stages are read and checked as a flow.
    assertThat(run.output()).doesNotContain("more than 10000 stages", "OutOfMemoryError", "Exception");
    assertThat(run.output()).contains("error[E0513]");
  }
}
