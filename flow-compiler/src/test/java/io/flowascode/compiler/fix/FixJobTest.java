package io.flowascode.compiler.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.diagnostic.Diagnostic;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `flow fix` as the core runs it: safe fixes applied, files written at once, the result compiled again. */
class FixJobTest {
  private static final Pattern ONE_SUGGESTION = Pattern.compile("did you mean `([^`]+)`\\?");
  private static final FlowCompiler COMPILER = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT);

  @TempDir
  Path dir;

  /** A did-you-mean with one suggestion, where it was reported, and what was suggested. */
  record Case(String file, Diagnostic diagnostic, String suggestion) {}

  @Test
  void repairsEveryDidYouMeanWithOneSuggestionInTheBadFileSuite() throws IOException {
    Path copy = copyOfBadFiles();
    List<Path> files = flowFiles(copy);
    List<Case> cases = new ArrayList<>();
    for (Path f : files) {
      Compilation c = COMPILER.compile(f, copy.relativize(f).toString());
      for (Diagnostic d : c.diagnostics()) {
        Matcher m = ONE_SUGGESTION.matcher(d.help().orElse(""));
        if (m.matches()) {
          cases.add(new Case(copy.relativize(f).toString(), d, m.group(1)));
        }
      }
    }
    assertThat(cases).as("single-suggestion did-you-mean cases in the suite").hasSizeGreaterThanOrEqualTo(25);
    assertThat(cases.stream().filter(k -> k.diagnostic().safeFix().isEmpty()).map(k -> k.file() + " " + k.diagnostic().code().id()
            + " " + k.diagnostic().span()).toList())
        .as("did-you-mean diagnostics with one suggestion but no safe fix").isEmpty();

    FixReport report = new FixJob(COMPILER).run(files, copy, true);

    assertThat(report.written()).isTrue();
    assertThat(report.files().stream().flatMap(f -> f.stopped().stream()).toList()).isEmpty();
    for (Case k : cases) {
      Path file = copy.resolve(k.file());
      Compilation again = COMPILER.compile(file, k.file());
      assertThat(again.diagnostics())
          .as("%s: %s is repaired", k.file(), k.diagnostic().message())
          .noneMatch(d -> d.code() == k.diagnostic().code() && d.span().start().line() == k.diagnostic().span().start().line()
              && d.span().start().column() == k.diagnostic().span().start().column());
      String line = Files.readAllLines(file, StandardCharsets.UTF_8).get(k.diagnostic().span().start().line() - 1);
      assertThat(line).as("%s line %d", k.file(), k.diagnostic().span().start().line()).contains(k.suggestion());
    }
    assertThat(report.fixed()).isGreaterThanOrEqualTo(cases.size());
  }

  @Test
  void keepsCommentsQuotesAndLineEndsAndFixesWhatTheFirstFixReveals() throws IOException {
    Path flow = dir.resolve("a.flow.yaml");
    String text = crlf("# my flow", "flow:", "  id: a   # the id", "stages:", "  dev:", "    label: 'Dev Raw Data Sorce'",
        "    config:", "      stop_after_firts_batch: true", "  trash: {label: Trsh}", "connections:", "  - dev >> trsh");
    Files.writeString(flow, text, StandardCharsets.UTF_8);

    FixReport report = new FixJob(COMPILER).run(List.of(flow), dir, true);

    assertThat(Files.readString(flow, StandardCharsets.UTF_8)).isEqualTo(crlf("# my flow", "flow:", "  id: a   # the id",
        "stages:", "  dev:", "    label: 'Dev Raw Data Source'", "    config:", "      stop_after_first_batch: true",
        "  trash: {label: Trash}", "connections:", "  - dev >> trash"));
    assertThat(report.fixed()).isEqualTo(4);
    assertThat(report.remaining()).extracting(d -> d.code().id()).containsExactly("W0701");
  }

  @Test
  void aDryRunWritesNothingAndShowsTheDiff() throws IOException {
    Path flow = dir.resolve("b.flow.yaml");
    String text = "flow:\n  id: b\nstages:\n  dev: {label: Dev Raw Data Source}\n  trash: {label: Trsh}\nconnections:\n  - dev >> trash\n";
    Files.writeString(flow, text, StandardCharsets.UTF_8);

    FixReport report = new FixJob(COMPILER).run(List.of(flow), dir, false);

    assertThat(Files.readString(flow, StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(report.written()).isFalse();
    assertThat(report.files().get(0).unifiedDiff()).isEqualTo("""
        --- a/b.flow.yaml
        +++ b/b.flow.yaml
        @@ -2,6 +2,6 @@
           id: b
         stages:
           dev: {label: Dev Raw Data Source}
        -  trash: {label: Trsh}
        +  trash: {label: Trash}
         connections:
           - dev >> trash
        """);
  }

  @Test
  void leavesAChoiceBetweenSeveralNamesToAPerson() throws IOException {
    Path flow = dir.resolve("c.flow.yaml");
    String text = "flow:\n  id: c\nstages:\n  dev: {label: Dev Raw Data Source}\n  trash:\n    label: Local FS\n"
        + "    config:\n      data_format: JSON\n      json_content: ARRAY_OBJECT\n      charset: UTF-9\n"
        + "connections:\n  - dev >> trash\n";
    Files.writeString(flow, text, StandardCharsets.UTF_8);

    FixReport report = new FixJob(COMPILER).run(List.of(flow), dir, true);

    assertThat(report.remaining()).anySatisfy(d -> {
      assertThat(d.message()).contains("UTF-9");
      assertThat(d.fixes()).hasSizeGreaterThan(1).allMatch(f -> !f.safe());
    });
    assertThat(Files.readString(flow, StandardCharsets.UTF_8)).contains("charset: UTF-9").contains("json_content: ARRAY_OBJECTS");
  }

  /** Lines ended the Windows way. */
  private static String crlf(String... lines) {
    return String.join("\r\n", lines) + "\r\n";
  }

  private static List<Path> flowFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".flow.yaml")).sorted().toList();
    }
  }

  private Path copyOfBadFiles() throws IOException {
    Path source;
    try {
      source = Path.of(FixJobTest.class.getClassLoader().getResource("bad").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Path target = dir.resolve("bad");
    try (Stream<Path> s = Files.walk(source)) {
      for (Path p : s.toList()) {
        Path t = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return target;
  }
}
