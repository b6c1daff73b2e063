package io.flowascode.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.yaml.YamlLimits;
import java.nio.file.Path;
import java.util.Map;

/**
 * How a flow is compiled.
 *
 * @param strict warnings count as errors
 * @param multipleOriginsAllowed the engine supports several origins in one pipeline
 * @param emitRejected emit the pipeline even when the flow has errors, with every value the
 *     compiler refused written as the file gives it, so that a real engine can judge exactly the
 *     same input (how the engine verdicts in the tests are recorded); never for a user's build
 * @param parameterValues values that replace the ones the flows give their parameters (a project
 *     environment's), by parameter name; a flow without such a parameter is not affected
 * @param crashReportDirectory where the stack trace of a compiler crash (E0900) is written; the
 *     system's temporary directory by default
 */
public record CompilerOptions(YamlLimits limits, boolean strict, boolean multipleOriginsAllowed, boolean emitRejected,
    Map<String, JsonNode> parameterValues, Path crashReportDirectory) {
  public static final CompilerOptions DEFAULT = new CompilerOptions(YamlLimits.DEFAULT, false, false, false, Map.of(),
      Path.of(System.getProperty("java.io.tmpdir")));

  public CompilerOptions(YamlLimits limits, boolean strict, boolean multipleOriginsAllowed, boolean emitRejected) {
    this(limits, strict, multipleOriginsAllowed, emitRejected, Map.of(), DEFAULT.crashReportDirectory);
  }

  public CompilerOptions {
    parameterValues = Map.copyOf(parameterValues);
  }

  public CompilerOptions withStrict(boolean value) {
    return new CompilerOptions(limits, value, multipleOriginsAllowed, emitRejected, parameterValues, crashReportDirectory);
  }

  public CompilerOptions withEmitRejected(boolean value) {
    return new CompilerOptions(limits, strict, multipleOriginsAllowed, value, parameterValues, crashReportDirectory);
  }

  public CompilerOptions withParameterValues(Map<String, JsonNode> values) {
    return new CompilerOptions(limits, strict, multipleOriginsAllowed, emitRejected, values, crashReportDirectory);
  }

  public CompilerOptions withCrashReportDirectory(Path directory) {
    return new CompilerOptions(limits, strict, multipleOriginsAllowed, emitRejected, parameterValues, directory);
  }
}
