package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials through the command line: import moves a plain-text credential to `{secret: NAME}`
 * and a git-ignored flow-secrets.yaml, plan with that file is empty, without it is one error
 * naming the secret, and a rotated value from the environment is planned and applied without
 * ever being printed.
 */
class SecretsCommandTest {
  static final String APP_ID = "plain-AppId-7731";
  static final String ROTATED = "rotated-AppId-5502";
  static final String SECRET = "RPC_OUT_SDCRPC_SDC_RPC_ID";

  @TempDir
  Path tmp;

  static FlowCliTest.Run run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = FlowCli.run(args, new PrintWriter(out), new PrintWriter(err), Optional.empty(), environment);
    return new FlowCliTest.Run(exit, out.toString(), err.toString());
  }

  @Test
  void importMovesTheCredentialOutAndPlanAndApplyPutItBackWithoutPrintingIt() throws Exception {
    Path written = Files.createDirectories(tmp.resolve("written"));
    Files.writeString(written.resolve("rpc-out.flow.yaml"), """
        flow: {id: rpc-out}
        stages:
          source: {label: Dev Raw Data Source}
          rpc:
            label: SDC RPC
            type: destination
            config:
              config.hostPorts: [collector:20000]
              config.appId: %s
        connections:
          - source >> rpc
        """.formatted(APP_ID));
    String store = tmp.resolve("store").toString();
    FlowCliTest.Run plain = run(Map.of(), "apply", written.toString(), "--store", store);
    assertThat(plain.exit()).as(plain.out() + plain.err()).isZero();
    assertThat(plain.out()).contains("W0415");

    Path flows = tmp.resolve("flows");
    FlowCliTest.Run imported = run(Map.of(), "import", "--all", "--store", store, "-o", flows.toString());
    assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
    assertThat(imported.out()).contains("wrote " + flows.resolve("flow-secrets.yaml"), "sdcrpc.sdc_rpc_id = {secret: " + SECRET + "}").doesNotContain(APP_ID);
    assertThat(Files.readString(flows.resolve("rpc-out.flow.yaml"))).contains("{secret: " + SECRET + "}").doesNotContain(APP_ID);
    assertThat(Files.readString(flows.resolve("flow-secrets.yaml"))).contains(SECRET + ": \"" + APP_ID + "\"");
    assertThat(Files.readAllLines(flows.resolve(".gitignore"))).contains("flow-secrets.yaml");

    FlowCliTest.Run same = run(Map.of(), "plan", flows.toString(), "--store", store, "--detailed-exitcode");
    assertThat(same.exit()).as(same.out() + same.err()).isZero();
    assertThat(same.out()).doesNotContain("W0415");

    Files.move(flows.resolve("flow-secrets.yaml"), tmp.resolve("kept-aside.yaml"));
    FlowCliTest.Run missing = run(Map.of(), "plan", flows.toString(), "--store", store);
    assertThat(missing.exit()).isEqualTo(FlowCli.INVALID_INPUT);
    assertThat(missing.err()).contains("`" + SECRET + "` is not set", "FLOW_SECRET_" + SECRET,
        flows.resolve("flow-secrets.yaml").toString()).doesNotContain("Exception");
    FlowCliTest.Run fromFile = run(Map.of(), "plan", flows.toString(), "--store", store, "--detailed-exitcode",
        "--secrets", tmp.resolve("kept-aside.yaml").toString());
    assertThat(fromFile.exit()).as(fromFile.out() + fromFile.err()).isZero();

    Map<String, String> rotated = Map.of("FLOW_SECRET_" + SECRET, ROTATED);
    Path planFile = tmp.resolve("plan.json");
    FlowCliTest.Run plan = run(rotated, "plan", flows.toString(), "--store", store, "--detailed-exitcode",
        "--plan-file", planFile.toString());
    assertThat(plan.exit()).as(plan.out() + plan.err()).isEqualTo(5);
    assertThat(plan.out()).contains("(secret " + SECRET + " changed)");
    FlowCliTest.Run json = run(rotated, "plan", flows.toString(), "--store", store, "--format", "json");
    assertThat(plan.out() + plan.err() + json.out() + Files.readString(planFile)).doesNotContain(APP_ID).doesNotContain(ROTATED);

    FlowCliTest.Run applied = run(rotated, "apply", "--plan-file", planFile.toString(), "--store", store, "--auto-approve");
    assertThat(applied.exit()).as(applied.out() + applied.err()).isZero();
    assertThat(applied.out() + applied.err()).doesNotContain(ROTATED);
    assertThat(Files.readString(tmp.resolve("store").resolve("rpc-out").resolve("pipeline.json"))).contains(ROTATED);
    assertThat(run(rotated, "plan", flows.toString(), "--store", store, "--detailed-exitcode").exit()).isZero();
  }
}
