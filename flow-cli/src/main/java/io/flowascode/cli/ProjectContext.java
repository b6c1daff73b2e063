package io.flowascode.cli;

import io.flowascode.compiler.catalog.CatalogSources;
import io.flowascode.diagnostic.render.SourceLookup;
import io.flowascode.engine.project.Environment;
import io.flowascode.engine.project.ProjectFile;
import io.flowascode.engine.project.ProjectReader;
import io.flowascode.engine.project.CredentialSource;
import io.flowascode.engine.project.TargetOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The project a run belongs to, if any: `flow-project.yaml` in the working directory (or -C DIR),
 * or the one --project-file names; its environment (--env, else its default); and the defaults it
 * gives: the flows to use when none are named, the definitions lock, the target.
 */
final class ProjectContext {
  private final Optional<ProjectFile> file;
  private final Optional<Environment> environment;

  private ProjectContext(Optional<ProjectFile> file, Optional<Environment> environment) {
    this.file = file;
    this.environment = environment;
  }

  static ProjectContext load(Session session) {
    Path path = session.projectFile != null ? session.resolve(session.projectFile)
        : session.resolve(Path.of(ProjectFile.FILE_NAME)).normalize();
    if (session.projectFile != null && !Files.isRegularFile(path)) {
      throw new UserError("no project file " + path + " (--project-file); `flow init` makes one", FlowCli.USAGE);
    }
    if (!Files.isRegularFile(path)) {
      if (session.environment != null) {
        throw new UserError("--env " + session.environment + " needs a project file: there is no " + path
            + " (`flow init` makes one, or name it with --project-file)", FlowCli.USAGE);
      }
      return new ProjectContext(Optional.empty(), Optional.empty());
    }
    ProjectReader.Result read = new ProjectReader().read(path);
    session.diagnostics(read.diagnostics(), SourceLookup.of(read.source().stream().toList()), session.json() ? "json" : "text");
    if (read.hasErrors()) {
      throw new UserError("the project file " + path + " has errors (see above)", FlowCli.INVALID_INPUT);
    }
    ProjectFile project = read.project().orElseThrow();
    try {
      Optional<Environment> env = project.environment(Optional.ofNullable(session.environment));
      session.document().ifPresent(d -> d.environment(env.map(Environment::name)));
      return new ProjectContext(Optional.of(project), env);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), FlowCli.USAGE);
    }
  }

  Optional<ProjectFile> file() {
    return file;
  }

  Optional<Environment> environment() {
    return environment;
  }

  Optional<String> environmentName() {
    return environment.map(Environment::name);
  }

  /**
   * The flows a command works on: the ones named, else the project's folders.
   *
   * @throws UserError when none are named and there is no project
   */
  List<Path> inputs(Session session, List<Path> named, String what) {
    if (!named.isEmpty()) {
      return named.stream().map(session::resolve).toList();
    }
    return file.map(ProjectFile::flows).orElseThrow(() -> new UserError("name the flow files or folders " + what
        + ", or run in a project: there is no " + ProjectFile.FILE_NAME + " here (`flow init` makes one)", FlowCli.USAGE));
  }

  /** The definitions lock: --lock, else the project's, else flow-definitions.lock.json. */
  Path lock(Session session, Path given) {
    if (given != null) {
      return session.resolve(given);
    }
    return file.map(ProjectFile::lock).orElse(session.resolve(Path.of(CatalogSources.LOCK_FILE)));
  }

  /** The target options: those typed, over the environment's, over nothing. */
  TargetOptions target(Session session, TargetOptions typed) {
    if (environment.isEmpty()) {
      return typed;
    }
    Environment env = environment.get();
    var c = env.credentials();
    if (c.server().isPresent() && c.user().isEmpty() && c.password().isEmpty() && c.apiKey().isEmpty() && c.token().isEmpty()) {
      session.err.println("note: environment `" + env.name() + "` names the settings.xml server `" + c.server().get()
          + "`, which only the Maven plugin reads; here credentials come from FLOW_USER, FLOW_PASSWORD, FLOW_API_KEY"
          + " or FLOW_TOKEN, or from {env: NAME} references under `credentials`");
    }
    try {
      return typed.over(TargetOptions.of(env, CredentialSource.environment(session.variables)));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), FlowCli.USAGE);
    }
  }

}
