package io.flowascode.compiler.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stages a platform's pipeline configs offer as choices (test origin, start and stop event,
 * error records, statistics aggregator): each value is {@code library::stageName::version} and its
 * label is {@code "<stage label> (Library: <library label>)"}. This gives the official label of
 * stages whose full definition was never published where we can read it.
 */
final class StageReferences {
  /** One offered stage, and which pipeline config offered it. */
  record Reference(String library, String name, String version, String label, String libraryLabel, String config) {}

  private static final Pattern VALUE = Pattern.compile("([^:]+)::([^:]+)::(\\d+)");
  private static final Pattern LABEL = Pattern.compile("(.*) \\(Library: (.*)\\)");

  // name -> newest reference to it
  private final Map<String, Reference> newest = new LinkedHashMap<>();

  void addAll(List<ConfigDefinition> pipelineConfigs) {
    for (ConfigDefinition c : pipelineConfigs) {
      if (c.model().isEmpty()) {
        continue;
      }
      List<String> values = c.model().get().values();
      List<String> labels = c.model().get().labels();
      for (int i = 0; i < values.size() && i < labels.size(); i++) {
        Matcher v = VALUE.matcher(values.get(i));
        if (!v.matches()) {
          continue;
        }
        Matcher l = LABEL.matcher(labels.get(i));
        String label = l.matches() ? l.group(1) : labels.get(i);
        String libraryLabel = l.matches() ? l.group(2) : "";
        Reference r = new Reference(v.group(1), v.group(2), v.group(3), label, libraryLabel, c.name());
        Reference old = newest.get(r.name());
        if (old == null || Catalog.versionNumber(r.version()) > Catalog.versionNumber(old.version())) {
          newest.put(r.name(), r);
        }
      }
    }
  }

  Optional<Reference> newest(String stageName) {
    return Optional.ofNullable(newest.get(stageName));
  }
}
