package io.flowascode.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.batch.FlowBatch;
import io.flowascode.compiler.batch.FlowSources;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.emit.PipelineTrees;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.engine.apply.TargetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `flow-project.yaml` is read like a flow file: its shape against the published schema with
 * positions and did-you-mean, then what only the whole project shows; an environment becomes the
 * target options and parameter values both doors use.
 */
class ProjectFileTest {
  @TempDir
  Path dir;

  private static final String PROJECT = """
      project:
        name: expenses
        flows: [flows]
        default_environment: dev
      environments:
        dev:
          target: local
          store: build/dev-store
          parameters:
            LIMIT: 5
        staging:
          target: sdc
          url: https://sdc-staging.example.com:18630
          timeout: 30s
          credentials:
            server: sdc-staging
            user: { env: STAGING_USER }
            password: { env: STAGING_PASSWORD }
          parameters:
            LIMIT: 20000
            OUTBOX: /data/staging/out
        prod:
          target: wxdi
          url: https://api.dataplatform.cloud.ibm.com
          project: 5c8e
          engine_version: 6.3.0
          credentials:
            api_key: { env: PROD_API_KEY }
      """;

  @Test
  void aProjectNamesItsFlowsLockAndEnvironmentsRelativeToItsFolder() throws IOException {
    ProjectReader.Result read = read(PROJECT);

    assertThat(read.diagnostics()).isEmpty();
    ProjectFile project = read.project().orElseThrow();
    assertThat(project.flows()).containsExactly(dir.resolve("flows"));
    assertThat(project.lock()).isEqualTo(dir.resolve("flow-definitions.lock.json"));
    assertThat(project.environments().keySet()).containsExactly("dev", "staging", "prod");
    Environment staging = project.environments().get("staging");
    assertThat(staging.target()).isEqualTo("sdc");
    assertThat(staging.credentials().server()).contains("sdc-staging");
    assertThat(staging.credentials().password()).contains(new SecretRef.EnvironmentVariable("STAGING_PASSWORD"));
    assertThat(staging.parameters().get("LIMIT").asInt()).isEqualTo(20000);
    assertThat(project.environments().get("dev").store()).contains(dir.resolve("build/dev-store"));
  }

  @Test
  void theEnvironmentIsTheOneNamedElseTheDefaultAndAMisspelledOneGetsADidYouMean() throws IOException {
    ProjectFile project = read(PROJECT).project().orElseThrow();

    assertThat(project.environment(Optional.empty()).map(Environment::name)).contains("dev");
    assertThat(project.environment(Optional.of("prod")).map(Environment::name)).contains("prod");
    assertThatThrownBy(() -> project.environment(Optional.of("stagin")))
        .hasMessageContaining("no environment `stagin`")
        .hasMessageContaining("did you mean `staging`?")
        .hasMessageContaining("dev, staging, prod");
  }

  @Test
  void theTargetIsTheOptionsGivenOverTheEnvironmentOverTheDefaults() throws IOException {
    Environment staging = read(PROJECT).project().orElseThrow().environments().get("staging");
    CredentialSource secrets = CredentialSource.environment(Map.of("STAGING_USER", "deployer", "STAGING_PASSWORD", "s3cret"));

    TargetSpec fromEnvironment = TargetOptions.of(staging, secrets).toSpec(Path.of(".flow-store"), Map.of());
    TargetOptions typed = new TargetOptions(Optional.empty(), Optional.of("http://127.0.0.1:1"), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
    TargetSpec overridden = typed.over(TargetOptions.of(staging, secrets)).toSpec(Path.of(".flow-store"), Map.of());

    assertThat(fromEnvironment.kind()).isEqualTo("sdc");
    assertThat(fromEnvironment.url()).contains("https://sdc-staging.example.com:18630");
    assertThat(fromEnvironment.user()).contains("deployer");
    assertThat(fromEnvironment.password().orElseThrow().reveal()).isEqualTo("s3cret");
    assertThat(fromEnvironment.timeout()).contains("30s");
    assertThat(fromEnvironment.toString()).doesNotContain("s3cret");
    assertThat(overridden.url()).contains("http://127.0.0.1:1");
    assertThat(overridden.user()).contains("deployer");
  }

  @Test
  void aCredentialWhoseVariableIsNotSetIsNamedWithItsSource() throws IOException {
    Environment prod = read(PROJECT).project().orElseThrow().environments().get("prod");

    assertThatThrownBy(() -> TargetOptions.of(prod, CredentialSource.environment(Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("environment `prod` reads its credentials.api_key from the environment variable PROD_API_KEY, "
            + "which is not set: set it, or change `credentials` in the project file");
  }

  @Test
  void mistakesInTheShapeArePositionedWithTheFlowSchemasCodesAndADidYouMean() throws IOException {
    ProjectReader.Result read = read("""
        project:
          flows: [flows]
        environments:
          dev:
            taget: local
          staging:
            target: sddc
            url: sdc.example.com
            credentials:
              password: hunter2
          "1bad": { target: local }
        """);

    assertThat(read.project()).isEmpty();
    assertThat(lines(read)).containsExactlyInAnyOrder(
        "E0202 4:3 environment `dev` needs `target`",
        "E0201 5:5 `taget` is not a key of environment `dev`",
        "E0204 7:13 `sddc` is not a valid value for `target` of environment `staging`",
        "E0204 8:10 `sdc.example.com` is not a valid value for `url` of environment `staging`",
        "E0203 10:17 `credentials.password` of environment `staging` should be a mapping, not the text `hunter2`",
        "E0207 11:3 `1bad` is not a valid environment name");
    assertThat(help(read, "taget")).isEqualTo("did you mean `target`?");
    assertThat(help(read, "sddc")).isEqualTo("did you mean `sdc`?");
    assertThat(help(read, "credentials.password")).contains("{env: MY_PASSWORD}");
  }

  @Test
  void whatOnlyTheWholeProjectShowsIsReportedAtItsLine() throws IOException {
    ProjectReader.Result read = read("""
        project:
          flows: [flows, missing]
          default_environment: prd
        environments:
          prod:
            target: wxdi
          dev:
            target: local
            url: https://unused.example.com
        """);

    assertThat(lines(read)).containsExactlyInAnyOrder(
        "E1101 2:18 the flows folder `missing` does not exist",
        "E1102 3:24 `prd` is not one of the environments of this file",
        "E1103 5:3 environment `prod` has the target wxdi but no `url`",
        "E1103 5:3 environment `prod` has the target wxdi but no `project`",
        "W1104 9:5 `url` is not used by the target local of environment `dev`");
    assertThat(help(read, "`prd`")).isEqualTo("did you mean `prod`?");
  }

  @Test
  void anEnvironmentsParameterValuesReplaceTheFlowsAndOneNoFlowDeclaresIsAnError() throws IOException {
    Files.createDirectories(dir.resolve("flows"));
    Files.copy(Path.of("..", "samples", "10-expense-router.flow.yaml"), dir.resolve("flows/router.flow.yaml"));
    ProjectFile project = read(PROJECT.replace("OUTBOX: /data/staging/out", "LIMT: 3")).project().orElseThrow();
    Optional<Environment> dev = project.environment(Optional.of("dev"));
    Optional<Environment> staging = project.environment(Optional.of("staging"));

    BatchResult forDev = ParameterValues.check(compile(project, dev), Optional.of(project), dev);
    BatchResult forStaging = ParameterValues.check(compile(project, staging), Optional.of(project), staging);

    assertThat(forDev.hasErrors()).isFalse();
    assertThat(constant(forDev, "LIMIT")).isEqualTo("5");
    assertThat(forStaging.crossFile()).extracting(d -> d.code().id() + " " + d.span().start().line() + ":"
        + d.span().start().column() + " " + d.message())
        .containsExactly("E1105 21:7 environment `staging` sets the parameter `LIMT`, which no flow declares");
    assertThat(forStaging.crossFile().get(0).help()).contains("did you mean `LIMIT`?");
  }

  private BatchResult compile(ProjectFile project, Optional<Environment> env) throws IOException {
    FlowCompiler compiler = new FlowCompiler(BundledCatalog.load(),
        CompilerOptions.DEFAULT.withParameterValues(ParameterValues.of(env)));
    return new FlowBatch(compiler).compile(FlowSources.expand(project.flows()), dir);
  }

  private static String constant(BatchResult batch, String key) {
    for (var c : PipelineTrees.tree(batch.compilations().get(0).pipeline().orElseThrow()).path("configuration")) {
      if (c.path("name").asText().equals("constants")) {
        for (var kv : c.path("value")) {
          if (kv.path("key").asText().equals(key)) {
            return kv.path("value").asText();
          }
        }
      }
    }
    throw new AssertionError("no constant " + key);
  }

  private ProjectReader.Result read(String text) throws IOException {
    Files.createDirectories(dir.resolve("flows"));
    Path file = dir.resolve(ProjectFile.FILE_NAME);
    Files.writeString(file, text);
    return new ProjectReader().read(file);
  }

  private static List<String> lines(ProjectReader.Result read) {
    return read.diagnostics().stream()
        .map(d -> d.code().id() + " " + d.span().start().line() + ":" + d.span().start().column() + " " + d.message())
        .toList();
  }

  private static String help(ProjectReader.Result read, String messagePart) {
    return read.diagnostics().stream().filter(d -> d.message().contains(messagePart)).findFirst()
        .flatMap(Diagnostic::help).orElseThrow(() -> new AssertionError("no diagnostic about " + messagePart));
  }

}
