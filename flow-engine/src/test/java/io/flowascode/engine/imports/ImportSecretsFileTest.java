package io.flowascode.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.emit.PipelineTrees;
import io.flowascode.compiler.secrets.SecretsFile;
import io.flowascode.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an import puts the credentials it moves out of flows: the git-ignored secrets file beside them. */
class ImportSecretsFileTest {
  static final Catalog CATALOG = BundledCatalog.load();

  @TempDir
  Path tmp;

  private Path pipeline(String id, String appId) throws Exception {
    String yaml = """
        flow: {id: %s}
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
        """.formatted(id, new ObjectMapper().writeValueAsString(appId));
    Path file = tmp.resolve(id + ".json");
    Files.writeString(file, new ObjectMapper().writeValueAsString(PipelineTrees.tree(
        new FlowCompiler(CATALOG, CompilerOptions.DEFAULT).compile(new SourceFile("f.flow.yaml", yaml)).pipeline().orElseThrow())));
    return file;
  }

  @Test
  void theValuesJoinTheSecretsFileWhichIsOwnerOnlyAndGitIgnoredOnce() throws Exception {
    Path flows = Files.createDirectories(tmp.resolve("flows"));
    Files.writeString(flows.resolve(SecretsFile.NAME), "OTHER_FLOW_PASSWORD: kept\n");
    Files.writeString(flows.resolve(".gitignore"), "*.bak");

    ImportJob.Result first = new ImportJob(CATALOG, flows, false).addFile(pipeline("orders", "it's \"quoted\": #1")).run();
    assertThat(first.problems()).isEmpty();
    assertThat(first.secretsFile()).contains(flows.resolve(SecretsFile.NAME));
    assertThat(first.secretCount()).isEqualTo(1);
    assertThat(SecretsFile.read(flows.resolve(SecretsFile.NAME)).values()).isEqualTo(Map.of(
        "OTHER_FLOW_PASSWORD", "kept", "ORDERS_SDCRPC_SDC_RPC_ID", "it's \"quoted\": #1"));
    assertThat(Files.getPosixFilePermissions(flows.resolve(SecretsFile.NAME)))
        .containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.readString(flows.resolve(".gitignore"))).isEqualTo("*.bak\nflow-secrets.yaml\n");

    ImportJob.Result second = new ImportJob(CATALOG, flows, true).addFile(pipeline("orders", "rotated-value")).run();
    assertThat(second.problems()).isEmpty();
    assertThat(SecretsFile.read(flows.resolve(SecretsFile.NAME)).values())
        .containsEntry("ORDERS_SDCRPC_SDC_RPC_ID", "rotated-value").containsEntry("OTHER_FLOW_PASSWORD", "kept");
    assertThat(Files.readString(flows.resolve(".gitignore"))).isEqualTo("*.bak\nflow-secrets.yaml\n");
  }

  @Test
  void aFlowWithoutCredentialsWritesNoSecretsFile() throws Exception {
    Path flows = tmp.resolve("flows");
    ImportJob.Result result = new ImportJob(CATALOG, flows, false).addFile(pipeline("orders", "${credential:get('v','all','k')}")).run();
    assertThat(result.problems()).isEmpty();
    assertThat(result.secretsFile()).isEmpty();
    assertThat(flows.resolve(SecretsFile.NAME)).doesNotExist();
    assertThat(flows.resolve(".gitignore")).doesNotExist();
  }
}
