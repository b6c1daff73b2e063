package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path the README shows: `flow init`, then validate, plan and apply with no file named, then the
 * same flows to a second environment with its own parameter values; the plan says which
 * environment, and a plan saved for one is refused by another.
 */
class ProjectWorkflowTest {
  @TempDir
  Path tmp;

  private static Cli.Run flow(String... args) {
    return Cli.run(Map.of(), args);
  }

  @Test
  void initThenValidatePlanAndApplyUseTheProjectsFlowsAndDefaultEnvironment() {
    Path project = tmp.resolve("shop");
    String c = project.toString();

    Cli.Run init = flow("init", c);
    assertThat(init.exit()).as(init.both()).isZero();
    assertThat(init.out()).contains("wrote " + project.resolve("flow-project.yaml"), "Next: cd " + project);
    assertThat(project.resolve("flows/hello.flow.yaml")).exists();
    assertThat(project.resolve(".flow/flow.schema.json")).exists();
    assertThat(project.resolve(".gitignore")).content().contains(".flow-store/");

    Cli.Run validate = flow("-C", c, "validate");
    assertThat(validate.exit()).as(validate.both()).isZero();
    assertThat(validate.out()).isEqualTo("1 flow file(s) valid.\n");

    Cli.Run plan = flow("-C", c, "plan");
    assertThat(plan.exit()).as(plan.both()).isZero();
    assertThat(plan.out()).startsWith("Environment dev: local store at " + project.resolve(".flow-store"))
        .contains("+ flow hello-orders (create): \"Hello orders\"", "+ stage big_orders (LocalFS_01): Local FS",
            "+ route[big] >> big_orders", "Plan: flows 1 to create, 0 to update, 0 to delete, 0 unchanged; "
                + "stages 5 to add, 0 to change, 0 to remove; connections 4 to add, 0 to remove.");

    assertThat(flow("-C", c, "apply").out()).contains("Apply: 1 created");
    Cli.Run again = flow("-C", c, "plan", "--detailed-exitcode");
    assertThat(again.exit()).as(again.both()).isZero();
    assertThat(again.out()).contains("No changes.");
    assertThat(flow("init", c).both()).contains("not overwriting");
  }

  @Test
  void theSameFlowsGoToTwoEnvironmentsWithTheirOwnParameterValues() throws IOException {
    Path project = tmp.resolve("shop");
    String c = project.toString();
    assertThat(flow("init", c).exit()).isZero();
    addEnvironments(project, """
          staging:
            target: local
            store: staging-store
            parameters:
              LIMIT: 5000
              OUTBOX: /srv/staging/out
        """);

    assertThat(flow("-C", c, "apply").exit()).isZero();
    Cli.Run staging = flow("-C", c, "apply", "--env", "staging");
    assertThat(staging.exit()).as(staging.both()).isZero();
    assertThat(staging.out()).startsWith("Environment staging: local store at " + project.resolve("staging-store"))
        .contains("+ parameter LIMIT = \"5000\"", "+ parameter OUTBOX = \"/srv/staging/out\"", "Apply: 1 created");
    assertThat(project.resolve("staging-store")).isDirectory();

    // The same file, compiled for each environment: only the parameter values differ.
    assertThat(flow("-C", c, "compile", "-o", "dev-json").exit()).isZero();
    assertThat(flow("-C", c, "--env", "staging", "compile", "-o", "staging-json").exit()).isZero();
    assertThat(project.resolve("dev-json/hello-orders.json")).content().contains("\"value\" : \"1000\"");
    assertThat(project.resolve("staging-json/hello-orders.json")).content().contains("\"value\" : \"5000\"")
        .contains("/srv/staging/out");

    // Editing the flow changes both environments; each plan says which one it is for.
    Path flowFile = project.resolve("flows/hello.flow.yaml");
    Files.writeString(flowFile, Files.readString(flowFile).replace("directory_template: ${OUTBOX}/big",
        "directory_template: ${OUTBOX}/large"));
    Cli.Run devPlan = flow("-C", c, "plan", "--env", "dev");
    assertThat(devPlan.out()).startsWith("Environment dev:").contains("~ stage big_orders (LocalFS_01)",
        "~ directory_template: \"${OUTBOX}/big\" -> \"${OUTBOX}/large\"");
    Cli.Run stagingPlan = flow("-C", c, "plan", "--env", "staging", "--plan-file", "staging.plan.json");
    assertThat(stagingPlan.out()).startsWith("Environment staging:").contains("apply exactly it with: flow apply "
        + "--plan-file " + project.resolve("staging.plan.json") + " --env staging");

    Cli.Run wrongEnvironment = flow("-C", c, "apply", "--plan-file", "staging.plan.json", "--env", "dev");
    assertThat(wrongEnvironment.exit()).isEqualTo(FlowCli.INVALID_INPUT);
    assertThat(wrongEnvironment.err()).contains("was made for", "not for");
    assertThat(flow("-C", c, "apply", "--plan-file", "staging.plan.json", "--env", "staging").out())
        .contains("Apply: 0 created, 1 updated");
  }

  @Test
  void aProjectFileMistakeIsADiagnosticAtItsLineAndAMisspelledEnvironmentADidYouMean() throws IOException {
    Path project = tmp.resolve("shop");
    String c = project.toString();
    assertThat(flow("init", c).exit()).isZero();
    addEnvironments(project, """
          prod:
            target: local
            parameters:
              LIMT: 3
        """);

    Cli.Run typo = flow("-C", c, "plan", "--env", "prod");
    assertThat(typo.exit()).isEqualTo(FlowCli.INVALID_INPUT);
    assertThat(typo.out()).contains("error[E1105]: environment `prod` sets the parameter `LIMT`, which no flow declares",
        "--> " + project.resolve("flow-project.yaml") + ":25:7", "did you mean `LIMIT`?");

    Cli.Run unknown = flow("-C", c, "plan", "--env", "stagng");
    assertThat(unknown.exit()).isEqualTo(FlowCli.USAGE);
    assertThat(unknown.err()).contains("no environment `stagng`", "dev, prod");

    Files.writeString(project.resolve("flow-project.yaml"), Files.readString(project.resolve("flow-project.yaml"))
        .replace("    target: local\n    store: .flow-store", "    taget: local\n    store: .flow-store"));
    Cli.Run shape = flow("-C", c, "validate");
    assertThat(shape.exit()).isEqualTo(FlowCli.INVALID_INPUT);
    assertThat(shape.out()).contains("error[E0201]: `taget` is not a key of environment `dev`", "did you mean `target`?");
  }

  @Test
  void withoutAProjectCommandsSayHowToNameTheFlowsOrStartOne() {
    Cli.Run plan = flow("-C", tmp.toString(), "plan");
    assertThat(plan.exit()).isEqualTo(FlowCli.USAGE);
    assertThat(plan.err()).contains("name the flow files or folders to plan, or run in a project", "flow init");
    Cli.Run env = flow("-C", tmp.toString(), "validate", "--env", "prod", FlowCliTest.SAMPLES.toAbsolutePath().toString());
    assertThat(env.exit()).isEqualTo(FlowCli.USAGE);
    assertThat(env.err()).contains("--env prod needs a project file");
  }

  private static void addEnvironments(Path project, String yaml) throws IOException {
    Path file = project.resolve("flow-project.yaml");
    Files.writeString(file, Files.readString(file) + yaml.indent(-2).indent(2));
  }
}
