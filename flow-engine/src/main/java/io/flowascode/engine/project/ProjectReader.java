package io.flowascode.engine.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.CatalogSources;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.diagnostic.Suggestions;
import io.flowascode.engine.apply.TargetSpec;
import io.flowascode.source.SourceFile;
import io.flowascode.source.SourceLoader;
import io.flowascode.yaml.SourceMap;
import io.flowascode.yaml.SourceTree;
import io.flowascode.yaml.YamlLimits;
import io.flowascode.yaml.YamlTreeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads `flow-project.yaml` as a flow file is read: the same YAML reader with its limits, the
 * published schema, then what a schema cannot say (a flows folder that does not exist, a default
 * environment that is not declared, an environment whose target lacks its URL), every problem a
 * positioned diagnostic.
 */
public final class ProjectReader {
  /** A project file read: the project when it has no error, and every diagnostic about it. */
  public record Result(Optional<ProjectFile> project, List<Diagnostic> diagnostics, Optional<SourceFile> source) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  private static final String DEFAULT_FLOWS = "flows";

  /** Reads the project file at {@code file}, named in diagnostics as given. */
  public Result read(Path file) {
    Diagnostics out = new Diagnostics();
    String name = file.toString();
    Optional<SourceFile> source = new SourceLoader(YamlLimits.DEFAULT.maxFileBytes()).load(file, name, out);
    if (source.isEmpty()) {
      return new Result(Optional.empty(), out.sorted(), Optional.empty());
    }
    Optional<SourceTree> tree = new YamlTreeReader().read(source.get(), out);
    if (tree.isEmpty()) {
      return new Result(Optional.empty(), out.sorted(), source);
    }
    if (!tree.get().root().isObject()) {
      out.add(Diagnostic.of(Code.WRONG_TYPE, tree.get().map().valueSpan(""), "a project file must be a mapping")
          .label("not a mapping")
          .help("start the file with `project:` (where the flows are) and `environments:`")
          .build());
      return new Result(Optional.empty(), out.sorted(), source);
    }
    ProjectSchema.bundled().validate(tree.get(), out);
    if (out.hasErrors()) {
      return new Result(Optional.empty(), out.sorted(), source);
    }
    ProjectFile project = build(file, tree.get(), out);
    return new Result(out.hasErrors() ? Optional.empty() : Optional.of(project), out.sorted(), source);
  }

  private ProjectFile build(Path file, SourceTree tree, Diagnostics out) {
    JsonNode root = tree.root();
    SourceMap map = tree.map();
    Path dir = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of(""));
    Path shown = Optional.ofNullable(file.getParent()).orElse(Path.of(""));
    JsonNode p = root.path("project");
    List<Path> flows = new ArrayList<>();
    JsonNode folders = p.path("flows");
    if (folders.isArray()) {
      for (int i = 0; i < folders.size(); i++) {
        Path folder = shown.resolve(folders.get(i).asText()).normalize();
        if (!Files.isDirectory(dir.resolve(folders.get(i).asText()))) {
          out.add(Diagnostic.of(Code.PROJECT_FLOWS_MISSING, map.valueSpan("/project/flows/" + i),
                  "the flows folder `" + folders.get(i).asText() + "` does not exist")
              .label("no such folder")
              .help("create it, or name the folder that holds the *.flow.yaml files (relative to this file)")
              .build());
        }
        flows.add(folder);
      }
    } else {
      flows.add(shown.resolve(DEFAULT_FLOWS).normalize());
    }
    Path lock = shown.resolve(text(p.path("lock")).orElse(CatalogSources.LOCK_FILE)).normalize();

    Map<String, Environment> environments = new LinkedHashMap<>();
    root.path("environments").properties().forEach(e -> environments.put(e.getKey(),
        environment(e.getKey(), e.getValue(), shown, map, out)));

    Optional<String> defaultEnvironment = text(p.path("default_environment"));
    defaultEnvironment.filter(d -> !environments.containsKey(d)).ifPresent(d -> {
      Diagnostic.Builder b = Diagnostic.of(Code.UNKNOWN_DEFAULT_ENVIRONMENT, map.valueSpan("/project/default_environment"),
              "`" + d + "` is not one of the environments of this file")
          .label("no such environment");
      Suggestions.didYouMean(d, environments.keySet()).ifPresentOrElse(b::help, () -> b.help(environments.isEmpty()
          ? "declare it under `environments:`" : "use one of " + String.join(", ", environments.keySet())));
      out.add(b.build());
    });
    return new ProjectFile(file, text(p.path("name")), flows, lock, defaultEnvironment, environments, tree);
  }

  private static Environment environment(String name, JsonNode e, Path dir, SourceMap map, Diagnostics out) {
    String at = "/environments/" + name.replace("~", "~0").replace("/", "~1");
    String target = e.path("target").asText();
    Map<String, JsonNode> parameters = new LinkedHashMap<>();
    e.path("parameters").properties().forEach(p -> parameters.put(p.getKey(), p.getValue()));
    JsonNode c = e.path("credentials");
    Credentials credentials = new Credentials(text(c.path("server")), secret(c.path("user")), secret(c.path("password")),
        secret(c.path("api_key")), secret(c.path("token")));
    Environment env = new Environment(name, text(e.path("description")).orElse(""), target, text(e.path("url")),
        text(e.path("project")), text(e.path("store")).map(s -> dir.resolve(s).normalize()),
        text(e.path("engine_environment")), text(e.path("engine_version")), text(e.path("auth")),
        text(e.path("iam_url")), text(e.path("auth_url")), text(e.path("timeout")), text(e.path("deadline")),
        e.has("parallelism") ? Optional.of(e.get("parallelism").asInt()) : Optional.empty(), credentials, parameters);
    needs(env, at, map, out);
    return env;
  }

  /** What a target needs that the schema cannot require per target, and what it would ignore. */
  private static void needs(Environment env, String at, SourceMap map, Diagnostics out) {
    boolean remote = !env.target().equals(TargetSpec.LOCAL);
    if (remote && env.url().isEmpty()) {
      out.add(Diagnostic.of(Code.ENVIRONMENT_INCOMPLETE, map.keySpan(at),
              "environment `" + env.name() + "` has the target " + env.target() + " but no `url`")
          .label("no url")
          .help(env.target().equals(TargetSpec.SDC) ? "add `url: https://sdc.example.com:18630`, the Data Collector's URL"
              : "add `url:`, the watsonx API URL, e.g. https://api.dataplatform.cloud.ibm.com")
          .build());
    }
    if (env.target().equals(TargetSpec.WXDI) && env.project().isEmpty()) {
      out.add(Diagnostic.of(Code.ENVIRONMENT_INCOMPLETE, map.keySpan(at),
              "environment `" + env.name() + "` has the target wxdi but no `project`")
          .label("no project")
          .help("add `project: <the watsonx project id>`")
          .build());
    }
    List<String> unused = new ArrayList<>();
    if (remote && env.store().isPresent()) {
      unused.add("store");
    }
    if (!env.target().equals(TargetSpec.WXDI)) {
      for (String key : List.of("project", "engine_environment", "engine_version", "auth", "iam_url", "auth_url")) {
        if (map.get(at + "/" + key).isPresent()) {
          unused.add(key);
        }
      }
    }
    if (!remote) {
      for (String key : List.of("url", "credentials", "timeout", "deadline")) {
        if (map.get(at + "/" + key).isPresent()) {
          unused.add(key);
        }
      }
    }
    for (String key : unused) {
      out.add(Diagnostic.of(Code.SETTING_NOT_FOR_TARGET, map.keySpan(at + "/" + key),
              "`" + key + "` is not used by the target " + env.target() + " of environment `" + env.name() + "`")
          .label("ignored")
          .help("remove it, or change `target:` to the target it is meant for")
          .build());
    }
  }

  private static Optional<SecretRef> secret(JsonNode node) {
    return node.isObject() && node.path("env").isTextual()
        ? Optional.of(new SecretRef.EnvironmentVariable(node.get("env").asText())) : Optional.empty();
  }

  private static Optional<String> text(JsonNode node) {
    return node.isValueNode() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
  }
}
