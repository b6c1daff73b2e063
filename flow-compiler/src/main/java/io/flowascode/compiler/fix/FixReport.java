package io.flowascode.compiler.fix;

import io.flowascode.diagnostic.Diagnostic;
import java.util.List;

/**
 * The outcome of {@code flow fix} over a set of files.
 *
 * @param written whether the changed files were written (false for a dry run)
 */
public record FixReport(List<FileFix> files, boolean written) {
  public FixReport {
    files = List.copyOf(files);
  }

  public int fixed() {
    return files.stream().mapToInt(f -> f.applied().size()).sum();
  }

  public long changedFiles() {
    return files.stream().filter(FileFix::changed).count();
  }

  public List<Diagnostic> remaining() {
    return files.stream().flatMap(f -> f.remaining().stream()).toList();
  }

  public boolean hasErrors() {
    return files.stream().anyMatch(FileFix::hasErrors);
  }
}
