package io.flowascode.engine.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.verify.PipelineEnvelope;
import io.flowascode.engine.target.RemoteFlow;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import io.flowascode.imports.PipelineFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts exported pipelines on a target as they are, as the Data Collector UI's Import does: each
 * becomes the flow of its own pipeline id. With the local store this is how a user tries the
 * whole import, edit, plan cycle without a server. Nothing is written unless every document is a
 * pipeline with an id and, without `force`, none of them is on the target already.
 */
public final class LoadJob {
  /** One pipeline put on the target: its flow id and where it came from. */
  public record Loaded(String flowId, String source, boolean replaced) {}

  /** What a run did: the pipelines loaded, or the problems that stopped it (then nothing was written). */
  public record Result(List<Loaded> loaded, List<String> problems) {
    public Result {
      loaded = List.copyOf(loaded);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final Target target;
  private final boolean force;
  private final Map<String, PipelineFiles.Document> byId = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  public LoadJob(Target target, boolean force) {
    this.target = target;
    this.force = force;
  }

  /** The pipelines of a pipeline JSON, an export envelope, or a zip of them. */
  public LoadJob addFile(Path file) {
    PipelineFiles.readOrReport(file, problems).forEach(this::add);
    return this;
  }

  private void add(PipelineFiles.Document d) {
    JsonNode pipeline = PipelineEnvelope.unwrap(d.json());
    if (pipeline == null || !pipeline.isObject() || !pipeline.path("stages").isArray()) {
      problems.add(d.source() + ": not a pipeline (a fragment export is not run on its own: `flow import` it instead)");
      return;
    }
    String id = pipeline.path("pipelineId").asText("");
    if (id.isBlank()) {
      problems.add(d.source() + ": the pipeline has no pipelineId to store it under");
      return;
    }
    PipelineFiles.Document before = byId.putIfAbsent(id, new PipelineFiles.Document(d.source(), pipeline));
    if (before != null) {
      problems.add(d.source() + ": the pipeline id `" + id + "` is also the id of " + before.source());
    }
  }

  /** Writes every pipeline, or nothing when a problem was found; a target error stops the run where it happened. */
  public Result run() throws TargetException {
    Map<String, Optional<RemoteFlow>> existing = new LinkedHashMap<>();
    for (String id : byId.keySet()) {
      Optional<RemoteFlow> now = target.read(id);
      existing.put(id, now);
      if (now.isPresent() && !force) {
        problems.add(id + ": exists on " + target.describe() + "; use force to replace it");
      }
    }
    if (!problems.isEmpty()) {
      return new Result(List.of(), problems);
    }
    List<Loaded> loaded = new ArrayList<>();
    for (Map.Entry<String, PipelineFiles.Document> e : byId.entrySet()) {
      Optional<RemoteFlow> now = existing.get(e.getKey());
      if (now != null && now.isPresent()) {
        target.save(now.get(), e.getValue().json());
      } else {
        target.createWith(e.getKey(), e.getValue().json());
      }
      loaded.add(new Loaded(e.getKey(), e.getValue().source(), now != null && now.isPresent()));
    }
    return new Result(loaded, List.of());
  }
}
