package io.flowascode.diagnostic;

import java.util.List;
import java.util.Objects;

/**
 * A change that repairs a diagnostic, as data an editor, a bot or {@code flow fix} can apply (as
 * Error Prone's {@code SuggestedFix}): what it does in words and the text edits that do it.
 *
 * @param description what the fix does, e.g. {@code replace `Trsh` with `Trash`}
 * @param edits the edits, none overlapping another; all of them make the fix
 * @param safe whether a tool may apply it without a person choosing: the one suggestion there is.
 *     A diagnostic offering several candidates offers each as a fix that is not safe.
 */
public record Fix(String description, List<TextEdit> edits, boolean safe) {
  public Fix {
    Objects.requireNonNull(description);
    edits = List.copyOf(edits);
    if (edits.isEmpty()) {
      throw new IllegalArgumentException("a fix has at least one edit");
    }
  }
}
