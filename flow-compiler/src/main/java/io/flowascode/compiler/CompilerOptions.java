package io.flowascode.compiler;

import io.flowascode.yaml.YamlLimits;
import java.nio.file.Path;

/**
 * How a flow is compiled.
 *
 * @param strict warnings count as errors
 * @param multipleOriginsAllowed the engine supports several origins in one pipeline
 * @param emitRejected emit the pipeline even when the flow has errors, with every value the
 *     compiler refused written as the file gives it, so that a real engine can judge exactly the
 *     same input (how the engine verdicts in the tests are recorded); never for a user's build
 * @param crashReportDirectory where the stack trace of a compiler crash (E0900) is written; the
 *     system's temporary directory by default
 */
public record CompilerOptions(YamlLimits limits, boolean strict, boolean multipleOriginsAllowed, boolean emitRejected,
    Path crashReportDirectory) {
  public static final CompilerOptions DEFAULT = new CompilerOptions(YamlLimits.DEFAULT, false, false, false,
      Path.of(System.getProperty("java.io.tmpdir")));

  public CompilerOptions(YamlLimits limits, boolean strict, boolean multipleOriginsAllowed, boolean emitRejected) {
    this(limits, strict, multipleOriginsAllowed, emitRejected, DEFAULT.crashReportDirectory);
  }

  public CompilerOptions withStrict(boolean value) {
    return new CompilerOptions(limits, value, multipleOriginsAllowed, emitRejected, crashReportDirectory);
  }

  public CompilerOptions withEmitRejected(boolean value) {
    return new CompilerOptions(limits, strict, multipleOriginsAllowed, value, crashReportDirectory);
  }

  public CompilerOptions withCrashReportDirectory(Path directory) {
    return new CompilerOptions(limits, strict, multipleOriginsAllowed, emitRejected, directory);
  }
}
