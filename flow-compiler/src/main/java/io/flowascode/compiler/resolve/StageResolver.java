package io.flowascode.compiler.resolve;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.diagnostic.Suggestions;
import io.flowascode.model.Located;
import io.flowascode.model.StageRef;
import io.flowascode.source.SourceFile;
import io.flowascode.yaml.NameFixes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the definition a stage reference means: by label or name, narrowed by type and library,
 * pinned to a version or the one the engine has (else the newest). Unlike the SDK, an ambiguous label is an error that lists the
 * candidates rather than a silent pick of the first.
 */
public final class StageResolver {
  /** Which stages a reference may resolve to. */
  public enum Role {
    CANVAS("stage"),
    ERROR("error stage"),
    LIFECYCLE("pipeline event stage"),
    TEST_ORIGIN("test origin"),
    STATS("statistics aggregator");

    final String word;

    Role(String word) {
      this.word = word;
    }
  }

  private final Catalog catalog;
  private final Optional<SourceFile> file;

  /** A resolver for references that are not written in a file (an imported pipeline's stages). */
  public StageResolver(Catalog catalog) {
    this.catalog = catalog;
    this.file = Optional.empty();
  }

  /** A resolver for the references of a flow file, whose misspelled labels get fixes. */
  public StageResolver(Catalog catalog, SourceFile file) {
    this.catalog = catalog;
    this.file = Optional.of(file);
  }

  public Optional<StageDefinition> resolve(StageRef ref, Role role, Diagnostics out) {
    Optional<StageType> type = Optional.empty();
    if (ref.type().isPresent()) {
      type = StageType.fromWord(ref.type().get().value());
      if (type.isEmpty()) {
        return Optional.empty(); // the schema reported the bad enum value
      }
    }
    List<StageDefinition> byKey;
    Located<String> key;
    boolean byLabel = ref.label().isPresent();
    if (byLabel) {
      key = ref.label().get();
      byKey = catalog.byLabel(key.value());
    } else if (ref.name().isPresent()) {
      key = ref.name().get();
      byKey = catalog.byName(key.value());
    } else {
      return Optional.empty(); // the schema reported the missing label/name
    }
    List<StageDefinition> forRole = byKey.stream().filter(roleFilter(role)).toList();
    if (byKey.isEmpty() || (forRole.isEmpty() && role != Role.CANVAS)) {
      unknown(key, byLabel, role, !byKey.isEmpty(), out);
      return Optional.empty();
    }
    if (forRole.isEmpty()) {
      Diagnostic.Builder b = Diagnostic.of(Code.STAGE_NOT_ON_CANVAS, key.span(),
              "`" + key.value() + "` can only be used as an error, statistics or pipeline event stage")
          .label("not a canvas stage")
          .help(byKey.stream().anyMatch(StageDefinition::errorStage) ? "to send error records there, write `error_records: " + key.value() + "` under `flow:`" : "remove it from `stages:`");
      // The engine refuses to create an error stage on the canvas too (checked against it).
      if (byKey.stream().anyMatch(StageDefinition::errorStage)) {
        b.engineCode("CREATION_007", "");
      }
      out.add(b.engineCode("VALIDATION_0037", "").build());
      return Optional.empty();
    }
    List<StageDefinition> candidates = forRole;
    final Optional<StageType> wantedType = type;
    if (wantedType.isPresent()) {
      candidates = candidates.stream().filter(s -> s.type() == wantedType.get()).toList();
    }
    if (ref.library().isPresent()) {
      String lib = ref.library().get().value();
      candidates = candidates.stream().filter(s -> s.library().equals(lib)).toList();
    }
    if (candidates.isEmpty()) {
      noneOfType(ref, key, forRole, out);
      return Optional.empty();
    }
    if (ref.version().isPresent()) {
      String version = ref.version().get().value();
      List<StageDefinition> pinned = candidates.stream().filter(s -> s.version().equals(version)).toList();
      if (pinned.isEmpty()) {
        Set<String> known = new LinkedHashSet<>();
        candidates.forEach(s -> known.add(s.version()));
        out.add(Diagnostic.of(Code.UNKNOWN_VERSION, ref.version().get().span(),
                "the catalog has no version " + version + " of `" + key.value() + "`")
            .label("unknown version")
            .help("known versions: " + String.join(", ", known)
                + "; load your engine's definitions with --definitions to use others")
            .build());
        return Optional.empty();
      }
      candidates = pinned;
    }
    // Several libraries may package the same stage; the same stage name in several libraries
    // is not ambiguous in meaning, but several types or names under one label are.
    Set<String> kinds = new LinkedHashSet<>();
    for (StageDefinition s : candidates) {
      kinds.add(s.type() + "|" + s.name());
    }
    if (kinds.size() > 1) {
      ambiguous(ref, key, candidates, out);
      return Optional.empty();
    }
    Set<String> libraries = new LinkedHashSet<>();
    candidates.forEach(s -> libraries.add(s.library()));
    if (libraries.size() > 1 && ref.library().isEmpty()) {
      // Same stage in several libraries (e.g. Kafka per version): prefer the engine's own, then
      // the newest stage version, then the alphabetically last library, which is usually the
      // newest client version.
      candidates = new ArrayList<>(candidates);
      candidates.sort(Catalog.PREFERRED_FIRST.thenComparing(StageDefinition::library, Comparator.reverseOrder()));
    }
    return Optional.of(candidates.get(0));
  }

  private static Predicate<StageDefinition> roleFilter(Role role) {
    return switch (role) {
      case CANVAS -> StageDefinition::onCanvas;
      case ERROR -> StageDefinition::errorStage;
      case LIFECYCLE -> StageDefinition::pipelineLifecycleStage;
      case TEST_ORIGIN -> s -> s.type() == StageType.ORIGIN;
      case STATS -> StageDefinition::statsAggregatorStage;
    };
  }

  /** @param exists the key names stages, only none that can play this role */
  private void unknown(Located<String> key, boolean byLabel, Role role, boolean exists, Diagnostics out) {
    List<String> names = new ArrayList<>();
    for (StageDefinition s : catalog.stages()) {
      if (roleFilter(role).test(s)) {
        names.add(byLabel ? s.label() : s.name());
      }
    }
    Code code = role == Role.ERROR ? Code.UNKNOWN_ERROR_STAGE
        : role == Role.LIFECYCLE ? Code.UNKNOWN_LIFECYCLE_STAGE
        : byLabel ? Code.UNKNOWN_LABEL : Code.UNKNOWN_STAGE_NAME;
    String what = byLabel ? "label" : "name";
    String message = role == Role.CANVAS
        ? "unknown stage " + what + " `" + key.value() + "`"
        : "`" + key.value() + "` is not " + (exists ? article(role.word) : "a known " + role.word);
    Diagnostic.Builder b = Diagnostic.of(code, key.span(), message)
        .label(role == Role.CANVAS ? "no stage in the catalog has this " + what
            : exists ? "a stage, but not " + article(role.word) : "not a known " + role.word);
    Optional<String> hint = Suggestions.didYouMean(key.value(), new LinkedHashSet<>(names));
    file.ifPresent(f -> b.fixes(NameFixes.replaceScalar(f, key.span(), key.value(),
        Suggestions.closest(key.value(), new LinkedHashSet<>(names), 3))));
    if (hint.isPresent()) {
      b.help(hint.get());
    } else if (role != Role.CANVAS) {
      b.help("known " + role.word + "s: " + String.join(", ", new LinkedHashSet<>(names).stream().limit(8).map(n -> "`" + n + "`").toList()));
    } else {
      b.help("if the stage comes from your engine's own stage libraries, pass its definitions with --definitions FILE");
    }
    out.add(b.build());
  }

  private static String article(String word) {
    return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
  }

  private void noneOfType(StageRef ref, Located<String> key, List<StageDefinition> all, Diagnostics out) {
    Set<String> options = new LinkedHashSet<>();
    for (StageDefinition s : all) {
      options.add(ref.library().isPresent() && ref.type().isEmpty()
          ? "library `" + s.library() + "`"
          : "type `" + s.type().word() + "`" + (ref.library().isPresent() ? " in `" + s.library() + "`" : ""));
    }
    // Point at what rules the stage out: the type when no stage of the label has it, else the library.
    boolean typeExists = ref.type().isEmpty()
        || all.stream().anyMatch(s -> s.type().word().equals(ref.type().get().value()));
    Located<String> at = ref.library().isPresent() && typeExists ? ref.library().get()
        : ref.type().orElse(ref.library().orElse(key));
    out.add(Diagnostic.of(Code.NO_STAGE_OF_TYPE, at.span(),
            "`" + key.value() + "` exists, but not " + describeNarrowing(ref))
        .label("no such stage")
        .help("`" + key.value() + "` is available as " + String.join(", ", options))
        .build());
  }

  private static String describeNarrowing(StageRef ref) {
    List<String> parts = new ArrayList<>();
    ref.type().ifPresent(t -> parts.add("as type `" + t.value() + "`"));
    ref.library().ifPresent(l -> parts.add("in library `" + l.value() + "`"));
    return String.join(" ", parts);
  }

  private void ambiguous(StageRef ref, Located<String> key, List<StageDefinition> candidates, Diagnostics out) {
    Set<String> types = new LinkedHashSet<>();
    for (StageDefinition s : candidates) {
      types.add(s.type().word());
    }
    Diagnostic.Builder b = Diagnostic.of(Code.AMBIGUOUS_LABEL, key.span(),
            "`" + key.value() + "` names " + candidates.size() + " different stages")
        .label("ambiguous");
    if (types.size() > 1 && ref.type().isEmpty()) {
      b.help("add `type:` with one of " + String.join(", ", types.stream().map(t -> "`" + t + "`").toList()));
    } else {
      b.help("add `name:` or `library:` to choose one");
    }
    for (StageDefinition s : candidates) {
      b.note("candidate: " + s.type().word() + " " + s.name() + " v" + s.version() + " in " + s.library());
    }
    out.add(b.build());
  }
}
