package io.flowascode.engine.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An environment's parameter values meet the flows: each value replaces the one a flow gives the
 * parameter of that name (the compiler does it, see {@code CompilerOptions.parameterValues}), and
 * a value for a parameter no flow declares is an error at its line of the project file: usually a
 * typo that would otherwise deploy the file's value unnoticed.
 */
public final class ParameterValues {
  private ParameterValues() {}

  /** The environment's values, for the compiler; none without an environment. */
  public static Map<String, JsonNode> of(Optional<Environment> env) {
    return env.map(Environment::parameters).orElse(Map.of());
  }

  /**
   * The batch with a diagnostic for every value of the environment that no compiled flow uses. Only
   * judged when every flow compiled: a flow with errors may declare the parameter.
   */
  public static BatchResult check(BatchResult batch, Optional<ProjectFile> project, Optional<Environment> env) {
    if (project.isEmpty() || env.isEmpty() || env.get().parameters().isEmpty() || batch.hasErrors()) {
      return batch;
    }
    TreeSet<String> declared = new TreeSet<>();
    for (Compilation c : batch.compilations()) {
      c.flow().ifPresent(f -> declared.addAll(f.parameters().keySet()));
    }
    List<Diagnostic> problems = new ArrayList<>(batch.crossFile());
    for (String name : env.get().parameters().keySet()) {
      if (declared.contains(name)) {
        continue;
      }
      String at = env.get().pointer() + "/parameters/" + name;
      Diagnostic.Builder b = Diagnostic.of(Code.UNKNOWN_PARAMETER_OVERRIDE, project.get().source().map().keySpan(at),
              "environment `" + env.get().name() + "` sets the parameter `" + name + "`, which no flow declares")
          .label("no flow has this parameter");
      Suggestions.didYouMean(name, declared).ifPresentOrElse(b::help, () -> b.help(declared.isEmpty()
          ? "the flows declare no parameters; remove it, or declare it under `flow.parameters` of the flows that use it"
          : "the flows' parameters are " + String.join(", ", declared)));
      problems.add(b.build());
    }
    return new BatchResult(batch.compilations(), problems);
  }
}
