package io.flowascode.compiler.fix;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.flowascode.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code flow fix} did, or in a dry run would do, to one file.
 *
 * @param name the file as diagnostics name it
 * @param prefix a byte-order mark the file starts with, kept as it was; else empty
 * @param before the text as read (without the prefix)
 * @param after the text with the fixes made; equal to {@code before} when nothing was fixed
 * @param applied the fixes made, in the order they were found
 * @param remaining the diagnostics of {@code after}, which a person has to look at
 * @param stopped why fixing stopped early, when a fix did not repair its problem
 */
public record FileFix(Path path, String name, String prefix, String before, String after, List<AppliedFix> applied,
    List<Diagnostic> remaining, Optional<String> stopped) {
  public FileFix {
    applied = List.copyOf(applied);
    remaining = List.copyOf(remaining);
  }

  public boolean changed() {
    return !before.equals(after);
  }

  /** The change as a unified diff ({@code --- a/NAME}, {@code +++ b/NAME}), empty when there is none. */
  public String unifiedDiff() {
    if (!changed()) {
      return "";
    }
    List<String> from = lines(before);
    List<String> to = lines(after);
    String path = name.replaceFirst("^/+", "");
    List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, from, DiffUtils.diff(from, to), 3);
    return String.join("\n", diff) + "\n";
  }

  private static List<String> lines(String text) {
    return List.of(text.split("\r?\n|\r"));
  }

  public boolean hasErrors() {
    return remaining.stream().anyMatch(Diagnostic::isError);
  }
}
