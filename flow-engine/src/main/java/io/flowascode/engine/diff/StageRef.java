package io.flowascode.engine.diff;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which stage definition a pipeline stage uses: library, stage name and version as in the pipeline
 * JSON, plus the catalog label (e.g. `Trash`) when the catalog knows the stage, for display.
 *
 * @param label the definition's label, or null when the catalog does not know the stage
 */
public record StageRef(String library, String stageName, String version, String label) {
  private static final Pattern TRAILING_ZEROS = Pattern.compile("^(\\d+)(?:\\.0+)+$");

  public StageRef {
    library = Objects.requireNonNullElse(library, "");
    stageName = Objects.requireNonNullElse(stageName, "");
    version = normaliseVersion(version);
  }

  /** `"1.0.0"` is version 1 to the platform, so it is to the diff. */
  static String normaliseVersion(String version) {
    if (version == null) {
      return "";
    }
    String v = version.trim();
    Matcher m = TRAILING_ZEROS.matcher(v);
    return m.matches() ? m.group(1) : v;
  }

  /** Parses the `library::stageName::version` form pipeline settings use; null if malformed. */
  public static StageRef parseReference(String reference) {
    if (reference == null) {
      return null;
    }
    String[] parts = reference.split("::", -1);
    if (parts.length != 3 || parts[1].isEmpty()) {
      return null;
    }
    return new StageRef(parts[0], parts[1], parts[2], null);
  }

  /** True when both name the same definition (labels aside). */
  public boolean sameDefinition(StageRef other) {
    return other != null
        && library.equals(other.library)
        && stageName.equals(other.stageName)
        && version.equals(other.version);
  }

  public StageRef withLabel(String newLabel) {
    return new StageRef(library, stageName, version, newLabel);
  }

  /** `library::stageName::version`. */
  public String reference() {
    return library + "::" + stageName + "::" + version;
  }

  /** The label, or the last word of the class-derived stage name when the catalog lacks it. */
  public String displayName() {
    if (label != null && !label.isBlank()) {
      return label;
    }
    int i = stageName.lastIndexOf('_');
    return i < 0 ? stageName : stageName.substring(i + 1);
  }
}
