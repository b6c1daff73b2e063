package io.flowascode.compiler.verify;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.StageDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The catalog definition of each stage, matched exactly on library, stage name and version, as
 * the platform matches them. A stage without one is reported (as a note, or as CONTAINER_0902 when
 * its version is newer than any the catalog knows) and the rules that need a definition skip it.
 */
final class Definitions {
  private final Map<StageInstance, StageDefinition> known = new HashMap<>();

  private Definitions() {}

  static Definitions resolve(PipelineModel pipeline, Catalog catalog, List<PipelineIssue> issues) {
    Definitions definitions = new Definitions();
    for (StageInstance stage : pipeline.allStages()) {
      if (stage.library().isEmpty() || stage.stageName().isEmpty() || stage.stageVersion().isEmpty()) {
        continue; // the reader reported it
      }
      Optional<StageDefinition> exact = catalog.find(stage.library(), stage.stageName(), stage.stageVersion());
      if (exact.isPresent()) {
        definitions.known.put(stage, exact.get());
        continue;
      }
      issues.add(missing(stage, catalog));
    }
    return definitions;
  }

  Optional<StageDefinition> of(StageInstance stage) {
    return Optional.ofNullable(known.get(stage));
  }

  private static PipelineIssue missing(StageInstance stage, Catalog catalog) {
    List<StageDefinition> sameLibrary = catalog.byName(stage.stageName()).stream()
        .filter(d -> d.library().equals(stage.library()))
        .toList();
    String name = stage.displayName();
    if (sameLibrary.isEmpty()) {
      return PipelineIssue.note(stage.issueName(), name + " uses " + stage.stageName() + " from "
          + stage.library() + ", which the catalog does not hold; its definition-based rules were not checked");
    }
    long version = Catalog.versionNumber(stage.stageVersion());
    long newest = sameLibrary.stream().mapToLong(d -> Catalog.versionNumber(d.version())).max().orElse(-1);
    String versions = sameLibrary.stream().map(StageDefinition::version).sorted().collect(Collectors.joining(", "));
    String label = sameLibrary.get(0).label();
    if (version > newest) {
      return new PipelineIssue("CONTAINER_0902", stage.issueName(), name + " uses version " + stage.stageVersion()
          + " of " + label + ", newer than any the catalog knows (" + versions + ")");
    }
    return PipelineIssue.note(stage.issueName(), name + " uses version " + stage.stageVersion() + " of " + label
        + ", which the catalog does not hold (it knows " + versions
        + "; the platform would upgrade it); its definition-based rules were not checked");
  }
}
