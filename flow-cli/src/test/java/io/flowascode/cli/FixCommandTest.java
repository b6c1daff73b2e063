package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `flow fix`: the door to the core's FixJob; it only translates options and renders. */
class FixCommandTest {
  private static final String BROKEN = """
      # expenses, as typed in a hurry
      flow:
        id: expenses
      stages:
        files:
          label: Directory
          config:
            files_directroy: /data/in   # where the files land
            file_name_pattern: '*.csv'
            data_format: DELIMITED
        trash: {label: Trsh}
      connections:
        - files >> trsh
      """;

  @TempDir
  Path tmp;

  @Test
  void aDryRunShowsTheDiffAndWritesNothing() throws IOException {
    Path flow = tmp.resolve("expenses.flow.yaml");
    Files.writeString(flow, BROKEN, StandardCharsets.UTF_8);

    FlowCliTest.Run r = FlowCliTest.run("fix", "--dry-run", flow.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("-      files_directroy: /data/in   # where the files land",
        "+      files_directory: /data/in   # where the files land", "-  trash: {label: Trsh}", "+  trash: {label: Trash}",
        "-  - files >> trsh", "+  - files >> trash", "would fix", "Would fix 3 problem(s) in 1 file(s); nothing written.");
    assertThat(Files.readString(flow, StandardCharsets.UTF_8)).isEqualTo(BROKEN);
  }

  @Test
  void fixWritesTheRepairedFileWhichThenValidates() throws IOException {
    Path flow = tmp.resolve("expenses.flow.yaml");
    Files.writeString(flow, BROKEN, StandardCharsets.UTF_8);

    FlowCliTest.Run r = FlowCliTest.run("fix", flow.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("Fixed 3 problem(s) in 1 file(s).");
    assertThat(Files.readString(flow, StandardCharsets.UTF_8))
        .isEqualTo(BROKEN.replace("directroy", "directory").replace("Trsh", "Trash").replace(">> trsh", ">> trash"));
    assertThat(FlowCliTest.run("validate", flow.toString()).exit()).isZero();
  }

  @Test
  void whatNeedsAPersonRemainsAndExitsOne() throws IOException {
    Path flow = tmp.resolve("x.flow.yaml");
    String text = "flow: {id: x}\nstages:\n  t:\n    label: Local FS\n    config: {data_format: JSON, charset: UTF-9}\n";
    Files.writeString(flow, text, StandardCharsets.UTF_8);

    FlowCliTest.Run r = FlowCliTest.run("fix", flow.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("UTF-9", "fix: replace `UTF-9` with `UTF-8` (one of several; choose by hand)",
        "Fixed 0 problem(s) in 0 file(s).");
    assertThat(Files.readString(flow, StandardCharsets.UTF_8)).isEqualTo(text);
  }

  @Test
  void jsonFormatCarriesTheFixesOfWhatRemains() throws IOException {
    Path flow = tmp.resolve("x.flow.yaml");
    Files.writeString(flow, "flow: {id: x}\nstages:\n  t:\n    label: Local FS\n    config: {data_format: JSON, charset: UTF-9}\n",
        StandardCharsets.UTF_8);

    FlowCliTest.Run r = FlowCliTest.run("fix", "--dry-run", "--format", "json", flow.toString());

    // One JSON document, as every command writes it (its layout is Jackson's: `"key" : value`).
    assertThat(r.out()).contains("\"fixes\"").containsPattern("\"replacement\"\\s*:\\s*\"UTF-8\"")
        .containsPattern("\"safe\"\\s*:\\s*false").doesNotContain("Would fix");
  }
}
