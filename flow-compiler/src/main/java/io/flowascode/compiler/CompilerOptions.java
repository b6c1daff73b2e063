package io.flowascode.compiler;

import io.flowascode.yaml.YamlLimits;

/**
 * How a flow is compiled.
 *
 * @param strict warnings count as errors
 * @param multipleOriginsAllowed the engine supports several origins in one pipeline
 * @param emitRejected emit the pipeline even when the flow has errors, with every value the
 *     compiler refused written as the file gives it, so that a real engine can judge exactly the
 *     same input (how the engine verdicts in the tests are recorded); never for a user's build
 */
public record CompilerOptions(YamlLimits limits, boolean strict, boolean multipleOriginsAllowed, boolean emitRejected) {
  public static final CompilerOptions DEFAULT = new CompilerOptions(YamlLimits.DEFAULT, false, false, false);

  public CompilerOptions withStrict(boolean value) {
    return new CompilerOptions(limits, value, multipleOriginsAllowed, emitRejected);
  }

  public CompilerOptions withEmitRejected(boolean value) {
    return new CompilerOptions(limits, strict, multipleOriginsAllowed, value);
  }
}
