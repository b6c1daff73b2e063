package io.flowascode.compiler;

import io.flowascode.yaml.YamlLimits;

/**
 * How a flow is compiled.
 *
 * @param strict warnings count as errors
 * @param multipleOriginsAllowed the engine supports several origins in one pipeline
 */
public record CompilerOptions(YamlLimits limits, boolean strict, boolean multipleOriginsAllowed) {
  public static final CompilerOptions DEFAULT = new CompilerOptions(YamlLimits.DEFAULT, false, false);

  public CompilerOptions withStrict(boolean value) {
    return new CompilerOptions(limits, value, multipleOriginsAllowed);
  }
}
