package io.flowascode.compiler.fragment;

import java.util.Objects;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.config.BoundConfig;
import io.flowascode.compiler.graph.OutputPort;
import io.flowascode.compiler.graph.StageNode;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.diagnostic.Suggestions;
import io.flowascode.model.FragmentUseDecl;
import io.flowascode.model.Located;
import io.flowascode.model.ParameterDecl;
import io.flowascode.model.StageDecl;
import io.flowascode.source.SourceFile;
import io.flowascode.yaml.NameFixes;
import io.flowascode.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stages of a flow that use fragments: each fragment file found and compiled (its own
 * problems reported in it), the parameters the use sets checked against the fragment's, an
 * instance id and a parameter prefix given as the platform gives them, and a placeholder stage
 * made to stand for the use on the canvas, with one output per fragment output.
 */
public final class FragmentUses {
  private final Catalog catalog;
  private final FragmentLibrary library;
  private final Optional<Path> flowFile;
  private final SourceFile flow;
  private final String flowName;
  private final Diagnostics out;
  private final List<SourceFile> sources = new ArrayList<>();

  /**
   * @param flowFile the flow file on disk, against which fragment paths are resolved (absent:
   *     against the working directory)
   * @param flow the flow's text, whose name diagnostics show and which fixes edit
   */
  public FragmentUses(Catalog catalog, FragmentLibrary library, Optional<Path> flowFile, SourceFile flow, Diagnostics out) {
    this.catalog = catalog;
    this.library = library;
    this.flowFile = flowFile;
    this.flow = flow;
    this.flowName = flow.name();
    this.out = out;
  }

  /** The fragment files read, for showing their lines in diagnostics. */
  public List<SourceFile> sources() {
    return List.copyOf(sources);
  }

  /** A use inside a fragment file: the platform does not keep fragments inside fragments. */
  public void refuseNested(FragmentUseDecl use) {
    out.add(Diagnostic.of(Code.NESTED_FRAGMENT, use.path().span(), "a fragment cannot use another fragment")
        .label("fragment used inside a fragment")
        .help("write the stages of `" + use.path().value() + "` into this fragment, or use both fragments side by side in the flow")
        .note("Data Collector reads fragments inside fragments only from its own Java objects; in JSON it drops them")
        .build());
  }

  /**
   * Resolves the uses, in file order; a use that cannot be resolved is reported and left out.
   *
   * @param decls the flow's stage declarations by id (a use's is its placeholder's)
   * @param flowParameters the flow's own parameters, which no fragment parameter may shadow
   */
  public List<FragmentInstance> resolve(Map<String, FragmentUseDecl> uses, Map<String, StageDecl> decls,
      List<ParameterDecl> flowParameters) {
    Map<FragmentUseDecl, CompiledFragment> loaded = new LinkedHashMap<>();
    for (FragmentUseDecl use : uses.values()) {
      load(use).ifPresent(f -> loaded.put(use, f));
    }
    Map<FragmentUseDecl, String> instanceIds = instanceIds(loaded);
    Map<String, Span> parameterOwners = new HashMap<>();
    flowParameters.forEach(p -> parameterOwners.putIfAbsent(p.name().value(), p.name().span()));
    List<FragmentInstance> instances = new ArrayList<>();
    for (Map.Entry<FragmentUseDecl, CompiledFragment> e : loaded.entrySet()) {
      FragmentUseDecl use = e.getKey();
      CompiledFragment fragment = e.getValue();
      Map<String, JsonNode> values = values(use, fragment);
      String prefix = use.parameterPrefix().map(Located::value).orElseGet(() -> FragmentDefaults.prefix(use.id().value()));
      boolean clash = false;
      for (String name : fragment.parameters().keySet()) {
        Span first = parameterOwners.putIfAbsent(prefix + name, prefixSpan(use));
        if (first != null && !clash) {
          clash = true;
          out.add(Diagnostic.of(Code.PARAMETER_CLASH, prefixSpan(use),
                  "the fragment's parameter `" + name + "` becomes `" + prefix + name + "` in the pipeline, a name already taken")
              .label("prefix `" + prefix + "`")
              .related(first, "`" + prefix + name + "` is already here")
              .help("give this use its own `parameter_prefix:`, or rename the other parameter")
              .build());
        }
      }
      String instanceId = instanceIds.get(use);
      if (clash || instanceId == null) {
        continue;
      }
      instances.add(new FragmentInstance(use, fragment, instanceId, prefix, values,
          placeholder(Objects.requireNonNull(decls.get(use.id().value()), "every use is a declared stage"), fragment, instanceId)));
    }
    return instances;
  }

  // ---------------------------------------------------------------------------------------------

  private Optional<CompiledFragment> load(FragmentUseDecl use) {
    String written = use.path().value();
    Path base = flowFile.map(f -> f.toAbsolutePath().getParent()).orElse(Path.of("").toAbsolutePath());
    Path file;
    try {
      file = base.resolve(written).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      out.add(Diagnostic.of(Code.FRAGMENT_NOT_FOUND, use.path().span(), "`" + written + "` is not a file path")
          .label("not a path").help("write the path of the fragment file relative to this file").build());
      return Optional.empty();
    }
    String display = displayName(written);
    if (!java.nio.file.Files.isRegularFile(file)) {
      Diagnostic.Builder b = Diagnostic.of(Code.FRAGMENT_NOT_FOUND, use.path().span(),
              "no fragment file `" + written + "`" + (java.nio.file.Files.isDirectory(file) ? " (it is a directory)" : ""))
          .label("not found")
          .help("the path is relative to " + flowName + "; fragment files end in `.fragment.yaml`");
      siblings(file).ifPresent(b::help);
      out.add(b.build());
      return Optional.empty();
    }
    Compilation c = library.compile(file, display);
    c.source().ifPresent(sources::add);
    if (c.fragment().isEmpty() && !c.hasErrors()) {
      out.add(Diagnostic.of(Code.NOT_A_FRAGMENT, use.path().span(), "`" + written + "` is not a fragment file")
          .label("not a fragment")
          .help("a fragment file starts with `fragment:` (id, title, parameters) and declares its `input:` and `outputs:`;"
              + " a flow cannot be used as a stage")
          .build());
      return Optional.empty();
    }
    out.addAll(c.diagnostics());
    if (c.hasErrors()) {
      out.add(Diagnostic.of(Code.FRAGMENT_HAS_ERRORS, use.path().span(),
              "the fragment `" + written + "` has errors, so `" + use.id().value() + "` cannot be compiled")
          .label(c.diagnostics().stream().filter(Diagnostic::isError).count() + " error(s) in the fragment")
          .help("fix the errors shown in " + display)
          .build());
    }
    // A fragment with errors is there only when the compiler emits what it refuses (the oracle).
    return c.fragment();
  }

  /** A fragment file with a near name beside the missing one, as a suggestion. */
  private static Optional<String> siblings(Path missing) {
    Path dir = missing.getParent();
    if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (var files = java.nio.file.Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".fragment.yaml")).toList();
      return Suggestions.didYouMean(missing.getFileName().toString(), names);
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** The fragment file's name in diagnostics: its path from where the flow's name is given. */
  private String displayName(String written) {
    String dir = flowName.contains("/") ? flowName.substring(0, flowName.lastIndexOf('/') + 1) : "";
    return Path.of(dir + written).normalize().toString().replace('\\', '/');
  }

  private Map<String, JsonNode> values(FragmentUseDecl use, CompiledFragment fragment) {
    Map<String, JsonNode> values = new LinkedHashMap<>(fragment.parameters());
    for (ParameterDecl p : use.parameters()) {
      String name = p.name().value();
      if (!fragment.parameters().containsKey(name)) {
        Diagnostic.Builder b = Diagnostic.of(Code.UNKNOWN_FRAGMENT_PARAMETER, p.name().span(),
                "the fragment `" + fragment.id() + "` has no parameter `" + name + "`")
            .label("unknown parameter");
        Suggestions.didYouMean(name, fragment.parameters().keySet()).ifPresentOrElse(b::help, () -> b.help(
            fragment.parameters().isEmpty() ? "the fragment declares no parameters"
                : "its parameters are " + String.join(", ", fragment.parameters().keySet().stream().map(k -> "`" + k + "`").toList())));
        b.fixes(NameFixes.replaceScalar(flow, p.name().span(), name, Suggestions.closest(name, fragment.parameters().keySet(), 3)));
        out.add(b.build());
        continue;
      }
      values.put(name, p.value());
    }
    return values;
  }

  /**
   * Instance ids: the use's stage id as a name (`clean`, `read_orders` for `read-orders`), so that
   * the pipeline names a fragment's stages by the flow's name for the use and the fragment's name
   * for the stage (`clean_FieldRemover_01`), in the engine's metrics and previews as in plans;
   * `_2`, `_3` when two ids make the same name. Pinned ids are kept and never reused.
   */
  private Map<FragmentUseDecl, String> instanceIds(Map<FragmentUseDecl, CompiledFragment> loaded) {
    Map<FragmentUseDecl, String> ids = new LinkedHashMap<>();
    Map<String, Span> taken = new HashMap<>();
    for (FragmentUseDecl use : loaded.keySet()) {
      if (use.instanceId().isEmpty()) {
        continue;
      }
      Located<String> pin = use.instanceId().get();
      Span first = taken.putIfAbsent(pin.value(), pin.span());
      if (first != null) {
        out.add(Diagnostic.of(Code.INVALID_FRAGMENT_INSTANCE, pin.span(), "two uses pin the instance id `" + pin.value() + "`")
            .label("second use")
            .related(first, "first use")
            .help("the instance id names a use's stages on the platform; give each use its own")
            .build());
        continue;
      }
      ids.put(use, pin.value());
    }
    Set<String> used = new HashSet<>(taken.keySet());
    for (FragmentUseDecl use : loaded.keySet()) {
      if (use.instanceId().isPresent()) {
        continue;
      }
      String base = FragmentDefaults.instanceId(use.id().value());
      String id = base;
      for (int n = 2; !used.add(id); n++) {
        id = base + "_" + n;
      }
      ids.put(use, id);
    }
    return ids;
  }

  private static Span prefixSpan(FragmentUseDecl use) {
    return use.parameterPrefix().map(Located::span).orElse(use.id().span());
  }

  private StageNode placeholder(StageDecl decl, CompiledFragment fragment, String instanceId) {
    FragmentKind kind = fragment.kind();
    StageDefinition def = catalog.find(FragmentKind.LIBRARY, kind.stageName(), FragmentKind.VERSION)
        .orElseGet(() -> StageDefinition.builder(FragmentKind.LIBRARY, kind.stageName(), FragmentKind.VERSION, kind.type())
            .label(FragmentJson.label(kind)).outputStreams(kind == FragmentKind.ORIGIN ? 1 : 0)
            .variableOutputStreams(kind == FragmentKind.PROCESSOR).build());
    Map<String, JsonNode> config = new LinkedHashMap<>();
    config.put(FragmentKind.FRAGMENT_ID, com.fasterxml.jackson.databind.node.TextNode.valueOf(fragment.id()));
    config.put(FragmentKind.INSTANCE_ID, com.fasterxml.jackson.databind.node.TextNode.valueOf(instanceId));
    List<OutputPort> outputs = new ArrayList<>();
    for (CompiledFragment.Output o : fragment.outputs()) {
      String key = fragment.outputs().size() == 1 ? OutputPort.SINGLE : o.name();
      outputs.add(new OutputPort(key, instanceId + "_" + o.lane(), Optional.empty()));
    }
    // `instance_name:` pins the placeholder's name, as on any stage (Control Hub 3.x named it otherwise).
    String name = decl.instanceName().map(Located::value).orElse(FragmentDefaults.placeholderName(instanceId, kind));
    String uiLabel = decl.title().map(Located::value).orElse(fragment.title());
    return new StageNode(decl, def, name, uiLabel, new BoundConfig(config), outputs);
  }
}
