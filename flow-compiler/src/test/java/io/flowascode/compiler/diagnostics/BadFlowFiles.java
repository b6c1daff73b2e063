package io.flowascode.compiler.diagnostics;

import io.flowascode.diagnostic.testing.Expectation;
import io.flowascode.diagnostic.testing.ExpectationFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The flow files under {@code bad/} in the test resources, one subfolder per compiler phase, each
 * saying in comments which diagnostics compiling it must give.
 */
final class BadFlowFiles {
  static final String ROOT = "bad";

  private BadFlowFiles() {}

  /**
   * Every bad flow file, and every fragment file that expects a diagnostic of its own, sorted, for
   * a stable test order. Fragment files without expectations are the good fragments bad flows use.
   */
  static List<Path> all() {
    Path root = root();
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".flow.yaml")
              || p.getFileName().toString().endsWith(".fragment.yaml") && !expectations(p).isEmpty())
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What compiling a file must report: its own expectations, and those of the fragment files it
   * uses, whose problems it reports too.
   */
  static List<Expectation> expectations(Path file, io.flowascode.compiler.Compilation compilation) {
    List<Expectation> all = new java.util.ArrayList<>(expectations(file));
    for (io.flowascode.source.SourceFile used : compilation.fragmentSources()) {
      all.addAll(ExpectationFile.parse(used.name(), used.text()));
    }
    return all;
  }

  /** The name diagnostics give the file: its path under the resources, e.g. `bad/config/wrong-map.flow.yaml`. */
  static String displayName(Path file) {
    return ROOT + "/" + root().relativize(file).toString().replace('\\', '/');
  }

  static List<Expectation> expectations(Path file) {
    try {
      return ExpectationFile.parse(displayName(file), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path root() {
    try {
      return Path.of(BadFlowFiles.class.getClassLoader().getResource(ROOT).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
