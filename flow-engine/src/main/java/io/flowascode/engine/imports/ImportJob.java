package io.flowascode.engine.imports;

import io.flowascode.compiler.batch.AtomicOutputs;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.secrets.SecretsFile;
import io.flowascode.imports.ImportResult;
import io.flowascode.imports.ImportedFlow;
import io.flowascode.imports.ImportedSecret;
import io.flowascode.imports.PipelineFiles;
import io.flowascode.imports.PipelineImporter;
import io.flowascode.engine.target.RemoteFlow;
import io.flowascode.engine.target.RemoteFlowSummary;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports pipelines (from files or a target) into flow files in one directory, all or nothing:
 * when any pipeline is refused, or a file exists and `force` is off, nothing is written.
 */
public final class ImportJob {
  /**
   * What a run did: the flows written, or the problems that stopped it (then nothing was written).
   *
   * @param secretsFile the secrets file written with the values of the credentials moved out of
   *     the flows, when there were any
   */
  public record Result(List<ImportedFlow> written, List<String> problems, Optional<Path> secretsFile) {
    public Result(List<ImportedFlow> written, List<String> problems) {
      this(written, problems, Optional.empty());
    }

    /** How many credentials the flows refer to as `{secret: NAME}` whose values went to the secrets file. */
    public int secretCount() {
      return written.stream().mapToInt(f -> f.secrets().size()).sum();
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final Catalog catalog;
  private final Path output;
  private final boolean force;
  private final List<PipelineFiles.Document> documents = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  public ImportJob(Catalog catalog, Path output, boolean force) {
    this.catalog = catalog;
    this.output = output;
    this.force = force;
  }

  public ImportJob addFile(Path file) {
    documents.addAll(PipelineFiles.readOrReport(file, problems));
    return this;
  }

  /** The flows with these ids, or every flow of the target when `all`. */
  public ImportJob addFromTarget(Target target, List<String> ids, boolean all) throws TargetException {
    List<String> wanted = new ArrayList<>(ids);
    if (all) {
      for (RemoteFlowSummary s : target.list()) {
        wanted.add(s.id());
      }
    }
    for (String id : wanted) {
      Optional<RemoteFlow> flow = target.read(id);
      if (flow.isEmpty()) {
        problems.add(target.describe() + " has no flow `" + id + "`");
      } else {
        documents.add(new PipelineFiles.Document(target.describe() + " flow " + id, flow.get().pipeline()));
      }
    }
    return this;
  }

  public Result run() throws IOException {
    PipelineImporter importer = new PipelineImporter(catalog);
    Map<String, ImportedFlow> byId = new LinkedHashMap<>();
    for (PipelineFiles.Document d : documents) {
      ImportResult result = importer.importPipeline(d.json(), d.source());
      if (result instanceof ImportResult.Refused refused) {
        problems.add(refused.source() + ": not imported: " + refused.reason());
      } else if (result instanceof ImportResult.Imported imported) {
        ImportedFlow flow = imported.flow();
        // One fragment exported and used by pipelines is one file; the importer names it once.
        String key = flow.isFragment() ? flow.flowFileName() : flow.id();
        if (byId.putIfAbsent(key, flow) != null && !flow.isFragment()) {
          problems.add(d.source() + ": its flow id `" + flow.id() + "` is also another pipeline's");
        }
      }
    }
    Map<Path, String> writes = new LinkedHashMap<>();
    for (ImportedFlow flow : byId.values()) {
      writes.put(output.resolve(flow.flowFileName()), flow.yaml());
      flow.definitions().ifPresent(d -> writes.put(output.resolve(flow.definitionsFileName()), d));
      // Flows name their fragment files relative to themselves, which is relative to the output.
      flow.fragmentFiles().forEach((path, yaml) -> writes.put(output.resolve(path), yaml));
    }
    if (!force) {
      writes.keySet().stream().filter(Files::exists).forEach(p -> problems.add(p + ": exists; use force to overwrite it"));
    }
    Optional<Path> secretsFile = secrets(byId.values(), writes);
    if (!problems.isEmpty()) {
      return new Result(List.of(), List.copyOf(problems));
    }
    try (AtomicOutputs outputs = new AtomicOutputs()) {
      for (Map.Entry<Path, String> w : writes.entrySet()) {
        if (secretsFile.isPresent() && w.getKey().equals(secretsFile.get())) {
          outputs.stageOwnerOnly(w.getKey(), w.getValue());
        } else {
          outputs.stage(w.getKey(), w.getValue());
        }
      }
      outputs.commit();
    }
    return new Result(List.copyOf(byId.values()), List.of(), secretsFile);
  }

  /**
   * The values of the credentials moved out of the flows go to the secrets file beside them (its
   * other entries kept, an imported value replacing an older one of the same name), and the
   * directory's .gitignore is made to list it, so the values stay out of git with the file.
   */
  private Optional<Path> secrets(Iterable<ImportedFlow> flows, Map<Path, String> writes) throws IOException {
    Map<String, String> imported = new LinkedHashMap<>();
    for (ImportedFlow flow : flows) {
      for (ImportedSecret s : flow.secrets()) {
        String before = imported.putIfAbsent(s.name(), s.value());
        if (before != null && !before.equals(s.value())) {
          problems.add("two imported credentials are both named `" + s.name() + "` with different values: import their flows"
              + " into different directories");
        }
      }
    }
    if (imported.isEmpty()) {
      return Optional.empty();
    }
    Path file = output.resolve(SecretsFile.NAME);
    Map<String, String> merged = new LinkedHashMap<>();
    try {
      merged.putAll(SecretsFile.read(file).values());
    } catch (SecretsFile.UnreadableException e) {
      problems.add(e.getMessage() + ": correct it (or move it away) and import again");
    }
    merged.putAll(imported);
    writes.put(file, SecretsFile.text(merged));
    Path ignore = output.resolve(".gitignore");
    String ignored = Files.isRegularFile(ignore) ? Files.readString(ignore) : "";
    boolean listed = ignored.lines().map(String::strip)
        .anyMatch(l -> l.equals(SecretsFile.NAME) || l.equals("/" + SecretsFile.NAME));
    if (!listed) {
      writes.put(ignore, ignored + (ignored.isEmpty() || ignored.endsWith("\n") ? "" : "\n") + SecretsFile.NAME + "\n");
    }
    return Optional.of(file);
  }
}
