package io.flowascode.diagnostic;

/**
 * How the engine itself reports a problem a diagnostic describes: its code and, where it names
 * one, the raw config name ({@code VALIDATION_0007} for {@code conf.spoolDir}), so a user can
 * search for what the UI shows and tools can match the two.
 *
 * @param config the raw config name, empty when the engine names none
 */
public record EngineCode(String code, String config) {
  public EngineCode {
    config = config == null ? "" : config;
  }

  @Override
  public String toString() {
    return config.isEmpty() ? code : code + " (" + config + ")";
  }
}
