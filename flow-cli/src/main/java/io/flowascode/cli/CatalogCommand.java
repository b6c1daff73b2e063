package io.flowascode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigGroups;
import io.flowascode.compiler.catalog.ConfigModel;
import io.flowascode.compiler.catalog.ConfigType;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import io.flowascode.compiler.emit.PipelineJson;
import io.flowascode.diagnostic.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * `flow catalog [LABEL]`: the stages the compiler knows (one line per label and type, versions
 * folded), found with `--search`; or one stage at one version, its configurations by readable name
 * grouped by the UI's tabs, with their UI labels, types, defaults, required markers and a few
 * allowed values (all of them with `--values NAME`).
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = {"List the stages the compiler knows (--search to find one), or show one stage's configurations by "
        + "readable name, grouped by the UI's tabs: UI label, type, default, allowed values; * marks a required one.",
        "Labels, versions and configs are your engine's when a definitions lock or --definitions is given."})
final class CatalogCommand implements Callable<Integer> {
  private static final int SHOWN_VALUES = 6;

  @Parameters(arity = "0..1", paramLabel = "LABEL", description = "A stage label (or stage name) to show.")
  String label;

  @Option(names = {"-s", "--search"}, paramLabel = "TEXT",
      description = "Only stages whose label, name, description or library holds every word of TEXT.")
  String search;

  @Option(names = "--version", paramLabel = "N", description = "The stage version to show (default: the newest).")
  String version;

  @Option(names = "--type", paramLabel = "TYPE", description = "origin, processor, destination or executor, for a label several stages share.")
  String type;

  @Option(names = "--values", paramLabel = "CONFIG", description = "Every allowed value of this config (by readable or raw name), with the UI's labels.")
  String values;

  @Option(names = "--raw", description = "Also show each config's raw name (as in pipeline JSON).")
  boolean raw;

  @Mixin
  CompilerOptionsMixin options;

  @ParentCommand
  FlowCli parent;

  @Override
  public Integer call() {
    Session session = parent.session;
    session.begin("catalog", options.format);
    Catalog catalog = options.catalog(session);
    if (label == null) {
      list(session, catalog);
      return FlowCli.OK;
    }
    List<StageDefinition> matches = new ArrayList<>(catalog.byLabel(label));
    if (matches.isEmpty()) {
      matches.addAll(catalog.byName(label));
    }
    if (matches.isEmpty()) {
      String hint = Suggestions.didYouMean(label, catalog.labels()).map(h -> "; " + h).orElse("");
      throw new UserError("no stage labelled `" + label + "`" + hint + " (find one with: flow catalog --search WORDS)",
          FlowCli.INVALID_INPUT);
    }
    if (type != null) {
      matches.removeIf(s -> !s.type().word().equalsIgnoreCase(type));
      if (matches.isEmpty()) {
        throw new UserError("`" + label + "` has no " + type + "; it is " + catalog.byLabel(label).stream()
            .map(s -> s.type().word()).distinct().collect(Collectors.joining(", ")), FlowCli.INVALID_INPUT);
      }
    }
    ConfigGroups groups = groups(session);
    ArrayNode json = session.json() ? session.doc().body().putArray("stages") : null;
    Map<StageType, List<StageDefinition>> byType = new TreeMap<>();
    matches.forEach(s -> byType.computeIfAbsent(s.type(), k -> new ArrayList<>()).add(s));
    for (List<StageDefinition> versions : byType.values()) {
      versions.sort(Catalog.PREFERRED_FIRST);
      StageDefinition shown = pick(versions);
      List<Entry> entries = entries(catalog, shown);
      if (values != null) {
        showValues(session, shown, entries);
        continue;
      }
      if (json != null) {
        json.add(stageJson(shown, versions, entries, groups));
      } else {
        showStage(session, shown, versions, entries, groups);
      }
    }
    session.out.flush();
    return FlowCli.OK;
  }

  // ---- the list ---------------------------------------------------------------------------------

  private void list(Session session, Catalog catalog) {
    Map<String, List<StageDefinition>> byLabelAndType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (StageDefinition s : catalog.stages()) {
      if (s.onCanvas() && matches(s)) {
        byLabelAndType.computeIfAbsent(s.label() + "\u0000" + s.type().ordinal(), k -> new ArrayList<>()).add(s);
      }
    }
    ArrayNode json = session.json() ? session.doc().body().putArray("stages") : null;
    int width = byLabelAndType.values().stream().mapToInt(v -> v.get(0).label().length()).max().orElse(10);
    for (List<StageDefinition> versions : byLabelAndType.values()) {
      versions.sort(Catalog.PREFERRED_FIRST);
      StageDefinition newest = versions.get(0);
      List<String> numbers = versionsInOrder(versions);
      if (json != null) {
        ObjectNode o = json.addObject().put("label", newest.label()).put("type", newest.type().word())
            .put("name", newest.name()).put("library", newest.library()).put("libraryLabel", libraryLabel(newest))
            .put("description", newest.description());
        numbers.forEach(o.putArray("versions")::add);
        continue;
      }
      List<String> rest = numbers.stream().filter(n -> !n.equals(newest.version())).toList();
      String others = rest.isEmpty() ? "" : " (also " + String.join(", ", rest) + ")";
      session.out.printf("%-" + width + "s  %-11s  v%-14s %s%n", newest.label(), newest.type().word(),
          newest.version() + others, libraryLabel(newest));
    }
    if (json == null) {
      session.out.println(byLabelAndType.size() + " stage(s)" + (search == null ? "" : " matching `" + search + "`")
          + "; show one with: flow catalog LABEL");
    }
    session.out.flush();
  }

  private boolean matches(StageDefinition s) {
    if (search == null || search.isBlank()) {
      return true;
    }
    String haystack = (s.label() + " " + s.name() + " " + s.description() + " " + s.library() + " " + s.libraryLabel()
        + " " + s.type().word()).toLowerCase(Locale.ROOT);
    for (String word : search.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!word.isEmpty() && !haystack.contains(word)) {
        return false;
      }
    }
    return true;
  }

  // ---- one stage --------------------------------------------------------------------------------

  /** One config as the flow file names it, with where it comes from. */
  private record Entry(ConfigDefinition config, String owner, boolean ambiguous) {}

  private StageDefinition pick(List<StageDefinition> versions) {
    if (version == null) {
      return versions.get(0);
    }
    return versions.stream().filter(s -> s.version().equals(version)).findFirst().orElseThrow(() -> new UserError(
        "`" + versions.get(0).label() + "` has no version " + version + "; its versions are "
            + versions.stream().map(StageDefinition::version).distinct().collect(Collectors.joining(", ")), FlowCli.INVALID_INPUT));
  }

  /** The stage's configs then its services' (as the compiler binds them), without those the engine sets itself. */
  private static List<Entry> entries(Catalog catalog, StageDefinition stage) {
    List<ConfigDefinition> all = new ArrayList<>();
    Map<ConfigDefinition, String> owners = new HashMap<>();
    for (ConfigDefinition c : stage.configs()) {
      all.add(c);
      owners.put(c, stage.name());
    }
    for (ServiceUse use : stage.services()) {
      catalog.service(use.service()).ifPresent(svc -> svc.configs().stream()
          .filter(c -> !use.configuration().containsKey(c.name()))
          .forEach(c -> {
            all.add(c);
            owners.put(c, svc.provides());
          }));
    }
    all.removeIf(c -> c.type() == ConfigType.RUNTIME);
    Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(ConfigDefinition::attributeName, Collectors.counting()));
    return all.stream().map(c -> new Entry(c, owners.get(c), counts.get(c.attributeName()) > 1)).toList();
  }

  private void showStage(Session session, StageDefinition stage, List<StageDefinition> versions, List<Entry> entries,
      ConfigGroups groups) {
    var out = session.out;
    List<String> numbers = versionsInOrder(versions);
    out.printf("%s  %s  v%s%s  %s%n", stage.label(), stage.type().word(), stage.version(),
        numbers.size() > 1 ? " (versions " + String.join(", ", numbers) + ")" : "", libraryLabel(stage));
    if (!stage.description().isBlank()) {
      out.println("  " + stage.description().strip());
    }
    out.println("  name: " + stage.name() + (stage.producesEvents() ? "; produces events" : "")
        + (stage.inferred() ? "; inferred from pipelines" : ""));
    // Tabs in the UI's order (General, then the stage's groups), configs by their position in the tab.
    Map<String, List<Entry>> byTab = new LinkedHashMap<>();
    entries.stream()
        .sorted(Comparator.comparingInt((Entry e) -> groups.order(stage.name(), e.config().group()))
            .thenComparingInt(e -> e.config().displayPosition()))
        .forEach(e -> byTab.computeIfAbsent(groups.label(e.owner(), e.config().group()), k -> new ArrayList<>()).add(e));
    Map<String, String> readable = new HashMap<>();
    entries.forEach(e -> readable.putIfAbsent(e.config().name(), e.config().attributeName()));
    int nameWidth = entries.stream().mapToInt(e -> e.config().attributeName().length()).max().orElse(10);
    int labelWidth = Math.min(36, entries.stream().mapToInt(e -> e.config().label().length()).max().orElse(10));
    for (Map.Entry<String, List<Entry>> tab : byTab.entrySet()) {
      out.println();
      out.println("  " + tab.getKey());
      for (Entry e : tab.getValue()) {
        ConfigDefinition c = e.config();
        StringBuilder line = new StringBuilder("  ").append(c.required() ? "* " : "  ");
        line.append(String.format("%-" + nameWidth + "s  %-" + labelWidth + "s  %s", c.attributeName(),
            cut(c.label(), labelWidth), typeWords(c)));
        defaultValue(c).ifPresent(d -> line.append(" = ").append(d));
        choices(c).ifPresent(v -> line.append("  ").append(v));
        condition(c, readable).ifPresent(w -> line.append("  ").append(w));
        if (raw || e.ambiguous()) {
          line.append("  (").append(c.name()).append(e.ambiguous() ? "; the readable name is shared: write this raw name" : "").append(')');
        }
        out.println(line.toString().stripTrailing());
        c.model().filter(ConfigModel::isListBean).ifPresent(m -> m.beanConfigs().forEach(sub ->
            out.println("        - " + sub.attributeName() + "  " + typeWords(sub)
                + defaultValue(sub).map(d -> " = " + d).orElse("") + choices(sub).map(v -> "  " + v).orElse(""))));
      }
    }
    out.println();
    out.println("  * required (when shown: `when` says when). All values of one: flow catalog \"" + stage.label() + "\" --values NAME");
    out.println();
  }

  private void showValues(Session session, StageDefinition stage, List<Entry> entries) {
    Entry e = entries.stream().filter(x -> x.config().attributeName().equals(values) || x.config().name().equals(values))
        .findFirst().orElseThrow(() -> new UserError("`" + stage.label() + "` has no config `" + values + "`"
            + Suggestions.didYouMean(values, entries.stream().map(x -> x.config().attributeName()).toList())
                .map(h -> "; " + h).orElse(""), FlowCli.INVALID_INPUT));
    ConfigModel m = e.config().model().filter(x -> !x.values().isEmpty()).orElseThrow(() -> new UserError(
        "`" + values + "` of `" + stage.label() + "` takes any " + typeWords(e.config()) + "; it has no list of values",
        FlowCli.INVALID_INPUT));
    if (session.json()) {
      ArrayNode list = session.doc().body().putObject("config").put("name", e.config().attributeName())
          .put("raw", e.config().name()).putArray("values");
      for (int i = 0; i < m.values().size(); i++) {
        list.addObject().put("value", m.values().get(i)).put("label", label(m, i));
      }
      return;
    }
    int width = m.values().stream().mapToInt(String::length).max().orElse(5);
    for (int i = 0; i < m.values().size(); i++) {
      String l = label(m, i);
      session.out.println(l.equals(m.values().get(i)) ? m.values().get(i) : String.format("%-" + width + "s  %s", m.values().get(i), l));
    }
    if (m.openChoice()) {
      session.out.println("(the UI offers these; the engine accepts any value)");
    }
  }

  private ObjectNode stageJson(StageDefinition stage, List<StageDefinition> versions, List<Entry> entries, ConfigGroups groups) {
    ObjectNode o = PipelineJson.MAPPER.createObjectNode();
    o.put("label", stage.label()).put("type", stage.type().word()).put("name", stage.name())
        .put("library", stage.library()).put("libraryLabel", libraryLabel(stage)).put("version", stage.version());
    versionsInOrder(versions).forEach(o.putArray("versions")::add);
    o.put("description", stage.description()).put("producesEvents", stage.producesEvents()).put("inferred", stage.inferred());
    ArrayNode configs = o.putArray("configs");
    for (Entry e : entries) {
      ConfigDefinition c = e.config();
      ObjectNode j = configs.addObject().put("name", c.attributeName()).put("raw", c.name()).put("label", c.label())
          .put("type", typeWords(c)).put("required", c.required()).put("group", c.group())
          .put("tab", groups.label(e.owner(), c.group())).put("ambiguous", e.ambiguous());
      ObjectNode when = j.putObject("dependsOn");
      c.dependsOn().forEach((k, v) -> {
        ArrayNode a = when.putArray(k);
        v.forEach(a::add);
      });
      j.set("default", c.defaultValue());
      ArrayNode allowed = j.putArray("values");
      c.model().ifPresent(m -> {
        for (int i = 0; i < m.values().size(); i++) {
          allowed.addObject().put("value", m.values().get(i)).put("label", label(m, i));
        }
      });
      j.put("description", c.description());
    }
    return o;
  }

  // ---- wording ----------------------------------------------------------------------------------

  private static String typeWords(ConfigDefinition c) {
    Optional<ConfigModel> model = c.model();
    if (model.isPresent()) {
      ConfigModel m = model.get();
      if (m.isValueChooser()) {
        return "choice";
      }
      if (m.isMultiValueChooser()) {
        return "choices";
      }
      if (m.isListBean()) {
        return "list of entries";
      }
      if (m.isPredicate()) {
        return "predicates";
      }
      return m.modelType().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
    return switch (c.type()) {
      case STRING -> "text";
      case TEXT -> "text (lines)";
      case MAP -> "mapping";
      case CREDENTIAL -> "credential";
      default -> c.type().name().toLowerCase(Locale.ROOT);
    };
  }

  private static Optional<String> defaultValue(ConfigDefinition c) {
    JsonNode d = c.defaultValue();
    if (d == null || d.isNull() || (d.isContainerNode() && d.isEmpty()) || (d.isTextual() && d.asText().isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(cut(d.toString().replace("\n", "\\n"), 40));
  }

  /** `one of JSON | DELIMITED | … (14; --values data_format)`: the first few, never 200 charsets. */
  private static Optional<String> choices(ConfigDefinition c) {
    return c.model().filter(m -> !m.values().isEmpty()).map(m -> {
      List<String> shown = m.values().subList(0, Math.min(SHOWN_VALUES, m.values().size()));
      String more = m.values().size() > SHOWN_VALUES
          ? " | … (" + m.values().size() + " values: --values " + c.attributeName() + ")" : "";
      return (m.openChoice() ? "e.g. " : "one of ") + String.join(" | ", shown) + more;
    });
  }

  /** `when data_format = LOG`: the first config this one depends on, as the UI shows it only then. */
  private static Optional<String> condition(ConfigDefinition c, Map<String, String> readable) {
    return c.dependsOn().entrySet().stream().sorted(Map.Entry.comparingByKey()).findFirst().map(d -> {
      String name = readable.getOrDefault(d.getKey(), d.getKey());
      List<String> shown = d.getValue().stream().map(v -> v.isTextual() ? v.asText() : v.toString()).limit(3).toList();
      return "when " + name + " = " + String.join(" | ", shown) + (d.getValue().size() > 3 ? " | …" : "")
          + (c.dependsOn().size() > 1 ? " (and more)" : "");
    });
  }

  private static List<String> versionsInOrder(List<StageDefinition> versions) {
    return versions.stream().map(StageDefinition::version).distinct()
        .sorted(Comparator.comparingLong(Catalog::versionNumber)).toList();
  }

  private static String label(ConfigModel m, int i) {
    return i < m.labels().size() ? m.labels().get(i) : m.values().get(i);
  }

  private static String libraryLabel(StageDefinition s) {
    return s.libraryLabel().isBlank() ? s.library() : s.libraryLabel() + " (" + s.library() + ")";
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** The tab labels: the bundled ones, under those of the lock and --definitions files when they carry them. */
  private ConfigGroups groups(Session session) {
    ConfigGroups groups = ConfigGroups.bundled();
    List<Path> files = new ArrayList<>(options.definitions.definitions.stream().map(session::resolve).toList());
    files.add(options.definitions.lock(session));
    for (Path f : files) {
      if (Files.isRegularFile(f)) {
        try {
          groups = ConfigGroups.fromDefinitions(PipelineJson.MAPPER.readTree(f.toFile())).orElse(groups);
        } catch (IOException e) {
          // A file the catalog could read but whose groups cannot be read: the bundled labels stand.
        }
      }
    }
    return groups;
  }
}
