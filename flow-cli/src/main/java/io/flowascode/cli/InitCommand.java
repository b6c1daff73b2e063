package io.flowascode.cli;

import io.flowascode.compiler.batch.AtomicOutputs;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.schema.gen.FlowSchemaGenerator;
import io.flowascode.engine.project.ProjectFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * `flow init [DIR]`: a project to start from: `flow-project.yaml` with a local environment (and a
 * Data Collector one to fill in), a first flow that validates, plans and applies as it is, the
 * editor schemas its modelines name, and `.flow-store/` kept out of git. Nothing is overwritten
 * without `--force`; nothing is written unless all of it can be.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Start a project: flow-project.yaml, flows/hello.flow.yaml, the editor schemas in .flow/, and a "
        + ".gitignore entry for the local store.", "Then: flow validate, flow plan, flow apply (all use the project's flows)."})
final class InitCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "DIR", description = "Where to start the project (default: the working directory).")
  Path directory = Path.of("");

  @Option(names = "--name", paramLabel = "NAME", description = "The project's name (default: the folder's name).")
  String name;

  @Option(names = "--force", description = "Overwrite files that exist.")
  boolean force;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @ParentCommand
  FlowCli parent;

  static final String FLOW = """
      # yaml-language-server: $schema=../.flow/flow.schema.json
      # A first flow: JSON files dropped in ${INBOX} are read, big orders go to their own folder, the
      # rest to an archive; the pipeline stops once the folder is drained. Edit it, then `flow plan`.
      flow:
        id: hello-orders
        title: Hello orders
        parameters:
          INBOX: /data/orders/in
          OUTBOX: /data/orders/out
          LIMIT: 1000
      stages:
        inbox:
          label: Directory
          config:
            files_directory: ${INBOX}
            file_name_pattern: '*.json'
            data_format: JSON
        route:
          label: Stream Selector
          predicates:
            big: '${record:value("/amount") >= LIMIT}'
        big_orders:
          label: Local FS
          config:
            directory_template: ${OUTBOX}/big
            data_format: JSON
        archive:
          label: Local FS
          config:
            directory_template: ${OUTBOX}/archive
            data_format: JSON
        done:
          label: Pipeline Finisher Executor
      connections:
        - inbox >> route
        - route[big] >> big_orders
        - route[default] >> archive
      events:
        - inbox >> done
      """;

  @Override
  public Integer call() {
    Session session = parent.session;
    session.begin("init", format);
    Path dir = session.resolve(directory).normalize();
    String project = name != null ? name
        : dir.toAbsolutePath().normalize().getFileName() == null ? "flows" : dir.toAbsolutePath().normalize().getFileName().toString();
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(dir.resolve(ProjectFile.FILE_NAME), projectFile(project));
    files.put(dir.resolve("flows").resolve("hello.flow.yaml"), FLOW);
    files.put(dir.resolve(".flow").resolve("flow.schema.json"), FlowSchemaGenerator.withBundledStructure().render(BundledCatalog.load()));
    files.put(dir.resolve(".flow").resolve("flow-project.schema.json"), SchemaCommand.projectSchema());
    List<Path> existing = new ArrayList<>();
    for (Path p : files.keySet()) {
      if (Files.exists(p)) {
        existing.add(p);
      }
    }
    if (!existing.isEmpty() && !force) {
      throw new UserError("not overwriting " + String.join(", ", existing.stream().map(Path::toString).toList())
          + ": init an empty folder, or add --force", FlowCli.USAGE);
    }
    Path gitignore = dir.resolve(".gitignore");
    try (AtomicOutputs outputs = new AtomicOutputs()) {
      for (Map.Entry<Path, String> f : files.entrySet()) {
        outputs.stage(f.getKey(), f.getValue());
      }
      String ignored = Files.exists(gitignore) ? Files.readString(gitignore) : "";
      if (!ignored.lines().anyMatch(l -> l.strip().equals(".flow-store/"))) {
        outputs.stage(gitignore, ignored + (ignored.isEmpty() || ignored.endsWith("\n") ? "" : "\n")
            + "# The local target's store (flow apply --env dev)\n.flow-store/\n");
        files.put(gitignore, "");
      }
      outputs.commit();
    } catch (IOException e) {
      throw new UserError("cannot write to " + dir + ": " + e.getMessage(), FlowCli.INVALID_INPUT);
    }
    session.document().ifPresent(d -> files.keySet().forEach(p -> d.body().withArray("written").add(p.toString())));
    files.keySet().forEach(p -> session.say("wrote " + p));
    String cd = dir.toString().isEmpty() ? "" : "cd " + dir + " && ";
    session.say("");
    session.say("Next: " + cd + "flow validate && flow plan && flow apply");
    session.say("Then add environments to " + ProjectFile.FILE_NAME + " and deploy the same flows with --env NAME.");
    return FlowCli.OK;
  }

  static String projectFile(String name) {
    return """
        # yaml-language-server: $schema=.flow/flow-project.schema.json
        # The project: where its flows are, and the environments the same flows deploy to.
        # `flow plan`, `flow apply` use the default environment; `--env NAME` picks another.
        project:
          name: %s
          flows: [flows]
          lock: flow-definitions.lock.json
          default_environment: dev
        environments:
          dev:
            description: A local store on this machine; no server needed.
            target: local
            store: .flow-store
          # staging:
          #   target: sdc
          #   url: https://sdc-staging.example.com:18630
          #   credentials:
          #     user: { env: STAGING_SDC_USER }
          #     password: { env: STAGING_SDC_PASSWORD }
          #   parameters:
          #     LIMIT: 5000
        """.formatted(name.contains(":") || name.contains("#") ? "'" + name.replace("'", "''") + "'" : name);
  }
}
