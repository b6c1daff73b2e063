package io.flowascode.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.diagnostic.Severity;
import io.flowascode.diagnostic.testing.Expectation;
import io.flowascode.diagnostic.testing.ExpectationChecker;
import io.flowascode.diagnostic.testing.ExpectationFile;
import io.flowascode.source.SourceFile;
import io.flowascode.source.SourceLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code bad/yaml} says in comments which diagnostics reading it must give; inputs
 * that cannot be committed as text (wrong encodings, binary bytes, huge values) are built here.
 */
class BadYamlFilesTest {
  private static final String DIR = "bad/yaml";

  /** Codes only the inputs built in this class exercise; every other reading code needs a file. */
  private static final Set<Code> BUILT_HERE = EnumSet.of(Code.FILE_UNREADABLE, Code.TOO_LARGE, Code.NOT_UTF8);

  static Stream<Path> badFiles() throws IOException, URISyntaxException {
    Path dir = Path.of(BadYamlFilesTest.class.getClassLoader().getResource(DIR).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".flow.yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void readingTheFileReportsExactlyWhatItsCommentsExpect(Path path) throws IOException {
    String name = DIR + "/" + path.getFileName();
    List<Expectation> expected = ExpectationFile.parse(name, Files.readString(path, StandardCharsets.UTF_8));
    assertThat(expected).as("a bad file must expect at least one diagnostic").isNotEmpty();

    ExpectationChecker.verify(expected, read(path, name, YamlLimits.DEFAULT));
  }

  @Test
  void everyCodeTheReaderCanGiveHasABadFile() throws IOException, URISyntaxException {
    Set<Code> readingCodes = Stream.of(Code.values())
        .filter(c -> c.id().startsWith("E01") || c.id().startsWith("W01"))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Code.class)));
    Set<Code> covered = EnumSet.copyOf(BUILT_HERE);
    for (Path p : badFiles().toList()) {
      ExpectationFile.parse(p.toString(), Files.readString(p)).forEach(e -> covered.add(e.code()));
    }
    assertThat(covered).containsAll(readingCodes);
  }

  @Test
  void anEmptyFileHoldsNoFlow(@TempDir Path dir) throws IOException {
    Path empty = Files.write(dir.resolve("empty.flow.yaml"), new byte[0]);

    ExpectationChecker.verify(
        List.of(Expectation.forFile("empty.flow.yaml", Severity.ERROR, Code.EMPTY_DOCUMENT, "holds no flow")),
        read(empty, "empty.flow.yaml", YamlLimits.DEFAULT));
  }

  @Test
  void aMissingFileOrADirectoryCannotBeRead(@TempDir Path dir) {
    ExpectationChecker.verify(
        List.of(Expectation.forFile("gone.flow.yaml", Severity.ERROR, Code.FILE_UNREADABLE, "no such file")),
        read(dir.resolve("gone.flow.yaml"), "gone.flow.yaml", YamlLimits.DEFAULT));
    ExpectationChecker.verify(
        List.of(Expectation.forFile("flows", Severity.ERROR, Code.FILE_UNREADABLE, "is a directory")),
        read(dir, "flows", YamlLimits.DEFAULT));
  }

  @Test
  void latin1TextIsNotUtf8AndTheBadByteIsPointedAt(@TempDir Path dir) throws IOException {
    String text = "flow:\n  # error[E0110]: the byte 0xE9 is not valid UTF-8\n  id: café\n";

    assertReportsWhatItExpects(dir, "latin1.flow.yaml", text, text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void binaryGarbageIsNotUtf8(@TempDir Path dir) throws IOException {
    String comment = "# error[E0110]: is not valid UTF-8\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(comment.getBytes(StandardCharsets.US_ASCII));
    // A PNG signature and a chunk header: what a mistaken glob picks up.
    bytes.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});

    assertReportsWhatItExpects(dir, "image.flow.yaml", comment, bytes.toByteArray());
  }

  @Test
  void aNulByteMarksABinaryFile(@TempDir Path dir) throws IOException {
    String text = "flow:\n  # error[E0110]: NUL byte\n  id: expense\0router\n";

    assertReportsWhatItExpects(dir, "nul.flow.yaml", text, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void utf16TextIsRefusedAsAWhole(@TempDir Path dir) throws IOException {
    String text = "# file-error[E0110]: UTF-16\nflow:\n  id: expense-router\n";

    assertReportsWhatItExpects(dir, "utf16.flow.yaml", text, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));
  }

  @Test
  void aControlCharacterIsPointedAt(@TempDir Path dir) throws IOException {
    String text = "flow:\n  # error[E0101]: the control character U+0007\n  id: expense\u0007router\n";

    assertReportsWhatItExpects(dir, "bell.flow.yaml", text, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aFileOverTheByteLimitIsNotRead(@TempDir Path dir) throws IOException {
    String text = """
                  # file-error[E0107]: larger than the limit of 64 bytes
                  flow:
                    id: expense-router
                    description: long enough to pass the limit
                  """;
    Path file = Files.write(dir.resolve("big.flow.yaml"), text.getBytes(StandardCharsets.UTF_8));
    YamlLimits small = new YamlLimits(64, 1000, 10, 10, 1000);

    ExpectationChecker.verify(ExpectationFile.parse("big.flow.yaml", text), read(file, "big.flow.yaml", small));
  }

  @Test
  void textOverTheLimitIsRefusedByTheReaderToo() {
    String text = "# file-error[E0107]: more than the limit of 40\nflow:\n  id: expense-router\n";
    SourceFile file = new SourceFile("big.flow.yaml", text);
    Diagnostics out = new Diagnostics();

    assertThat(new YamlTreeReader(new YamlLimits(40, 1000, 10, 10, 1000)).read(file, out)).isEmpty();
    ExpectationChecker.verify(ExpectationFile.parse(file), out.sorted());
  }

  @Test
  void aTenMegabyteValueIsRefusedWhereItStarts() {
    String text = "flow:\n  id: expense-router\n  # error[E0107]: longer than the limit of 1048576\n"
        + "  description: " + "x".repeat(10_000_000) + "\n";
    SourceFile file = new SourceFile("huge-value.flow.yaml", text);
    Diagnostics out = new Diagnostics();

    assertThat(new YamlTreeReader().read(file, out)).isEmpty();
    ExpectationChecker.verify(ExpectationFile.parse(file), out.sorted());
  }

  @Test
  void oneStageOverTheLimitIsPointedAtWhileReading() {
    String text = """
                  flow:
                    id: many
                  stages:
                    a: {label: Trash}
                    b: {label: Trash}
                    c: {label: Trash}
                    # error[E0107]: the flow has more than 3 stages
                    d: {label: Trash}
                    e: {label: Trash}
                  """;
    SourceFile file = new SourceFile("many.flow.yaml", text);
    Diagnostics out = new Diagnostics();

    assertThat(new YamlTreeReader(new YamlLimits(1000, 1000, 10, 10, 1000, 3)).read(file, out)).isEmpty();
    ExpectationChecker.verify(ExpectationFile.parse(file), out.sorted());
  }

  @Test
  void anyMappingOverTheKeyLimitIsPointedAt() {
    String text = """
                  flow:
                    id: many
                    description: {a: 1, b: 2, c: 3,
                      # error[E0107]: a mapping has more than 3 keys
                      d: 4}
                  """;
    SourceFile file = new SourceFile("keys.flow.yaml", text);
    Diagnostics out = new Diagnostics();

    assertThat(new YamlTreeReader(new YamlLimits(1000, 1000, 10, 10, 1000, 3)).read(file, out)).isEmpty();
    ExpectationChecker.verify(ExpectationFile.parse(file), out.sorted());
  }

  @Test
  void aDocumentOfTooManyPlainValuesIsTooLargeNotAnAliasAttack() {
    String text = """
                  flow:
                    id: many
                    description:
                      - 1
                      - 2
                      # error[E0107]: the document has more than 9 values
                      - 3
                      - 4
                  """;
    SourceFile file = new SourceFile("values.flow.yaml", text);
    Diagnostics out = new Diagnostics();

    assertThat(new YamlTreeReader(new YamlLimits(1000, 1000, 10, 10, 9, 100)).read(file, out)).isEmpty();
    ExpectationChecker.verify(ExpectationFile.parse(file), out.sorted());
  }

  private static void assertReportsWhatItExpects(Path dir, String name, String expectationsText, byte[] bytes)
      throws IOException {
    Path file = Files.write(dir.resolve(name), bytes);
    ExpectationChecker.verify(ExpectationFile.parse(name, expectationsText), read(file, name, YamlLimits.DEFAULT));
  }

  private static List<Diagnostic> read(Path path, String name, YamlLimits limits) {
    Diagnostics out = new Diagnostics();
    new SourceLoader(limits.maxFileBytes())
        .load(path, name, out)
        .ifPresent(file -> new YamlTreeReader(limits).read(file, out));
    return out.sorted();
  }
}
