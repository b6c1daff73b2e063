package io.flowascode.compiler.catalog;

import java.util.Locale;
import java.util.Optional;

/** The four kinds of stage, with the platform's name for each and the flow language's word. */
public enum StageType {
  ORIGIN("SOURCE"),
  PROCESSOR("PROCESSOR"),
  DESTINATION("TARGET"),
  EXECUTOR("EXECUTOR");

  private final String platformName;

  StageType(String platformName) {
    this.platformName = platformName;
  }

  /** The value of the definition's `type` and of `uiInfo.stageType`. */
  public String platformName() {
    return platformName;
  }

  /** The word used in flow files: origin, processor, destination, executor. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<StageType> fromPlatform(String name) {
    for (StageType t : values()) {
      if (t.platformName.equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public static Optional<StageType> fromWord(String word) {
    for (StageType t : values()) {
      if (t.word().equals(word)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
