package io.flowascode.maven;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.apply.DesiredFlow;
import io.flowascode.engine.apply.DesiredFlows;
import io.flowascode.engine.apply.FlowOutcome;
import io.flowascode.engine.apply.Outcome;
import io.flowascode.engine.apply.Prune;
import io.flowascode.engine.apply.TargetSpec;
import io.flowascode.engine.apply.Verdict;
import io.flowascode.engine.apply.WatsonxOptions;
import io.flowascode.compiler.catalog.DefinitionsException;
import java.io.IOException;
import java.util.Locale;
import io.flowascode.engine.target.Secret;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.io.File;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The parameters of the goals that talk to a target, and how credentials are found. */
abstract class AbstractRemoteMojo extends AbstractFlowMojo {
  /** The target: local (a directory store, the default), sdc (Data Collector) or wxdi (IBM watsonx.data integration). */
  @Parameter(property = "flow.target", defaultValue = "local")
  String target;

  /** The Data Collector URL, or the watsonx API URL. */
  @Parameter(property = "flow.url")
  String url;

  /**
   * The id of a `<server>` in settings.xml holding the credentials. For wxdi its password is the
   * API key (flow.auth iam or zen), the token (bearer) or the password (cp4d).
   */
  @Parameter(property = "flow.serverId")
  String serverId;

  /** The watsonx project id. */
  @Parameter(property = "flow.project")
  String project;

  /** The local store's directory. */
  @Parameter(property = "flow.store", defaultValue = "${project.basedir}/.flow-store")
  File store;

  /** A saved plan: written by flow:plan, applied exactly by flow:apply. */
  @Parameter(property = "flow.planFile")
  File planFile;

  /** Also delete remote flows this tool created that the project no longer has. */
  @Parameter(property = "flow.prune", defaultValue = "false")
  boolean prune;

  /** Requests in flight at once. */
  @Parameter(property = "flow.parallelism", defaultValue = "4")
  int parallelism;

  /** How long the server may stay silent before a request counts as unanswered, e.g. 10s (default 10s, or FLOW_TIMEOUT). */
  @Parameter(property = "flow.timeout")
  String timeout;

  /** How long the whole plan or apply may take, e.g. 5m (default 10m, or FLOW_DEADLINE). */
  @Parameter(property = "flow.deadline")
  String deadline;

  /**
   * YAML files of `NAME: value` for the flows' `{secret: NAME}`, besides FLOW_SECRET_NAME in the
   * environment and the flow-secrets.yaml in flow.sourceDirectory (keep them out of version control).
   */
  @Parameter(property = "flow.secretsFiles")
  List<File> secretsFiles = List.of();

  /** wxdi: the environment new flows are bound to; none by default, as IBM's SDK sends when given none. */
  @Parameter(property = "flow.environment")
  String environment;

  /** wxdi: the engine version flows declare and stage definitions come from; the environment's, else the first released one. */
  @Parameter(property = "flow.engineVersion")
  String engineVersion;

  /** wxdi: iam (the default), bearer, zen or cp4d. */
  @Parameter(property = "flow.auth")
  String auth;

  /** wxdi: IBM Cloud IAM, https://iam.cloud.ibm.com by default. */
  @Parameter(property = "flow.iamUrl")
  String iamUrl;

  /** wxdi with flow.auth=cp4d: the Cloud Pak for Data URL; flow.url by default. */
  @Parameter(property = "flow.authUrl")
  String authUrl;

  @Parameter(defaultValue = "${settings}", readonly = true)
  Settings settings;

  @Component
  SettingsDecrypter decrypter;

  /** Prune as asked, with the source directory it must not trust when it holds no flow. */
  Prune prune() {
    return Prune.when(prune, List.of(sourceDirectory.toPath()));
  }

  List<DesiredFlow> desired() throws MojoExecutionException, MojoFailureException {
    ensureDefinitionsLock();
    return DesiredFlows.of(compileAll());
  }

  TargetSpec spec() throws MojoFailureException {
    Optional<String> user = Optional.empty();
    Optional<Secret> password = Optional.empty();
    if (serverId != null && !serverId.isBlank()) {
      Server server = settings == null ? null : settings.getServer(serverId);
      if (server == null) {
        throw new MojoFailureException("flow.serverId: settings.xml has no <server> with id `" + serverId + "`");
      }
      SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      for (SettingsProblem problem : decrypted.getProblems()) {
        if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
          throw new MojoFailureException("flow.serverId: cannot decrypt the password of server `" + serverId + "`: " + problem.getMessage(),
              problem.getException());
        }
      }
      Server plain = decrypted.getServer();
      user = Optional.ofNullable(plain.getUsername());
      password = Optional.ofNullable(plain.getPassword()).map(Secret::of);
    }
    // A settings.xml password is what the chosen authentication calls its secret.
    String mode = TargetSpec.WXDI.equalsIgnoreCase(target) ? (auth == null ? "iam" : auth.trim().toLowerCase(Locale.ROOT)) : "";
    Optional<Secret> asPassword = mode.isEmpty() || mode.equals("cp4d") ? password : Optional.empty();
    Optional<Secret> asApiKey = mode.equals("iam") || mode.equals("zen") ? password : Optional.empty();
    Optional<Secret> asToken = mode.equals("bearer") ? password : Optional.empty();
    return new TargetSpec(target, Optional.ofNullable(url), Optional.ofNullable(project), user, asPassword, asApiKey,
        store.toPath())
        .withToken(asToken)
        .withTimeouts(Optional.ofNullable(timeout), Optional.ofNullable(deadline))
        .withWatsonx(WatsonxOptions.of(environment, engineVersion, iamUrl, auth, authUrl))
        .withEnvironment(System.getenv());
  }

  /**
   * Takes the definitions lock from a target that names its definitions by engine version (wxdi)
   * when the project has none, before anything is compiled.
   */
  void ensureDefinitionsLock() throws MojoFailureException, MojoExecutionException {
    try {
      spec().ensureDefinitionsLock(lockFile.toPath()).ifPresent(getLog()::info);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (TargetException | DefinitionsException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write flow.lockFile " + lockFile + ": " + e.getMessage(), e);
    }
  }

  Target open(Catalog catalog) throws MojoFailureException, MojoExecutionException {
    TargetSpec spec = spec();
    try {
      return spec.open(catalog);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (TargetException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  void log(List<FlowOutcome> outcomes) {
    for (FlowOutcome o : outcomes) {
      String line = String.format("%-10s %s%s", o.outcome().word(), o.flowId(), o.message().isEmpty() ? "" : ": " + o.message());
      if (o.outcome() == Outcome.FAILED || o.outcome() == Outcome.REFUSED) {
        getLog().error(line);
      } else {
        getLog().info(line);
      }
    }
  }

  /** Refused flows are the user's to resolve (re-plan); failures are the remote's. */
  void failOn(Verdict verdict, List<FlowOutcome> outcomes) throws MojoFailureException, MojoExecutionException {
    if (verdict == Verdict.REFUSED) {
      long refused = outcomes.stream().filter(o -> o.outcome() == Outcome.REFUSED).count();
      throw new MojoFailureException(refused + " flow(s) refused because the remote changed; run flow:plan again (see above)");
    }
    if (verdict == Verdict.FAILED) {
      long failed = outcomes.stream().filter(o -> o.outcome() == Outcome.FAILED).count();
      throw new MojoExecutionException(failed + " flow(s) failed on the remote (see above); a re-run converges");
    }
  }

  void printLines(String text) {
    for (String line : text.split("\n")) {
      getLog().info(line);
    }
  }

  /** Where the values of the flows' secrets come from. */
  io.flowascode.compiler.secrets.SecretSource secrets() throws MojoFailureException {
    try {
      return io.flowascode.compiler.secrets.SecretSources.standard(System.getenv(),
          secretsFiles.stream().map(File::toPath).toList(), List.of(sourceDirectory.toPath()));
    } catch (io.flowascode.compiler.secrets.SecretsFile.UnreadableException e) {
      throw new MojoFailureException("flow.secretsFiles: " + e.getMessage());
    }
  }
}
