package io.flowascode.imports;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import io.flowascode.compiler.resolve.StageResolver;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.model.Located;
import io.flowascode.model.StageRef;
import io.flowascode.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a flow file names a stage's definition: the fewest of label, type, version and library (or
 * the stage name) with which the compiler's own resolver picks exactly that definition, so `type`
 * appears only where a label is ambiguous, `version` only where the newest is not the one used and
 * `library` only where several libraries package the stage.
 */
record StageReference(Optional<String> label, Optional<String> name, Optional<StageType> type,
    Optional<String> library, Optional<String> version) {

  private static final Span NOWHERE = Span.ofFile("import");

  /** Only the label: the form a stage with nothing to disambiguate takes. */
  boolean labelOnly() {
    return label.isPresent() && name.isEmpty() && type.isEmpty() && library.isEmpty() && version.isEmpty();
  }

  /**
   * The shortest reference that resolves to {@code def} in {@code catalog}; by stage name, library
   * and version when nothing shorter does, or when {@code raw} asks for that form (stages whose
   * definitions are inferred from the pipeline, whose labels are guesses).
   */
  static StageReference choose(Catalog catalog, StageDefinition def, StageResolver.Role role, boolean raw) {
    StageResolver resolver = new StageResolver(catalog);
    for (StageReference candidate : candidates(def, role, raw)) {
      Optional<StageDefinition> found = resolver.resolve(candidate.toRef(), role, new Diagnostics());
      if (found.isPresent() && found.get().library().equals(def.library()) && found.get().name().equals(def.name())
          && found.get().version().equals(def.version())) {
        return candidate;
      }
    }
    return new StageReference(Optional.empty(), Optional.of(def.name()), Optional.empty(),
        Optional.of(def.library()), Optional.of(def.version()));
  }

  private static List<StageReference> candidates(StageDefinition def, StageResolver.Role role, boolean raw) {
    List<StageReference> list = new ArrayList<>();
    Optional<String> lib = Optional.of(def.library());
    Optional<String> ver = Optional.of(def.version());
    Optional<String> none = Optional.empty();
    // Special stages take no `type` in the schema; they are narrowed by their role instead.
    List<Optional<StageType>> types = role == StageResolver.Role.CANVAS
        ? List.of(Optional.empty(), Optional.of(def.type())) : List.of(Optional.empty());
    if (!raw && !def.label().isBlank()) {
      Optional<String> label = Optional.of(def.label());
      for (List<Optional<String>> libVer : List.of(List.of(none, none), List.of(none, ver), List.of(lib, none), List.of(lib, ver))) {
        for (Optional<StageType> type : types) {
          list.add(new StageReference(label, none, type, libVer.get(0), libVer.get(1)));
        }
      }
    }
    Optional<String> name = Optional.of(def.name());
    Optional<StageType> noType = Optional.empty();
    if (!raw) {
      list.add(new StageReference(none, name, noType, none, none));
      list.add(new StageReference(none, name, noType, none, ver));
      list.add(new StageReference(none, name, noType, lib, none));
    }
    list.add(new StageReference(none, name, noType, lib, ver));
    return list;
  }

  private StageRef toRef() {
    return new StageRef(located(label), located(name), located(type.map(StageType::word)), located(library),
        located(version), List.of(), NOWHERE);
  }

  private static Optional<Located<String>> located(Optional<String> value) {
    return value.map(v -> new Located<>(v, NOWHERE));
  }
}
