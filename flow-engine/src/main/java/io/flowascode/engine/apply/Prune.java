package io.flowascode.engine.apply;

import java.nio.file.Path;
import java.util.List;

/**
 * Whether a plan also deletes remote flows this tool created that the project no longer has, and
 * the sources the project was read from, which prune checks before trusting that "no longer has".
 *
 * @param sources the files and directories the flows were read from
 */
public record Prune(boolean enabled, List<Path> sources) {
  public Prune {
    sources = List.copyOf(sources);
  }

  public static Prune off() {
    return new Prune(false, List.of());
  }

  /** Prune, with the flows read from these files and directories. */
  public static Prune from(List<Path> sources) {
    return new Prune(true, sources);
  }

  /** Prune when `enabled`, else {@link #off()}. */
  public static Prune when(boolean enabled, List<Path> sources) {
    return enabled ? from(sources) : off();
  }
}
