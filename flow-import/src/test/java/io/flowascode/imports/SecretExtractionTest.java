package io.flowascode.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.emit.PipelineTrees;
import io.flowascode.compiler.secrets.EnvironmentSecrets;
import io.flowascode.compiler.secrets.SecretResolver;
import io.flowascode.diagnostic.Code;
import io.flowascode.source.SourceFile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Import keeps credentials out of the flow file: a literal credential becomes `{secret: NAME}`
 * with its value handed back for the secrets file; expressions stay; the flow, compiled and with
 * the values put back in, is the pipeline imported.
 */
class SecretExtractionTest {
  private final Catalog catalog = BundledCatalog.load();

  private Compilation compile(String yaml) {
    return new FlowCompiler(catalog, CompilerOptions.DEFAULT).compile(new SourceFile("t.flow.yaml", yaml));
  }

  @Test
  void aLiteralCredentialIsASecretAndAnExpressionStaysAsItIs() throws Exception {
    Compilation plain = compile("""
        flow: {id: orders-out}
        stages:
          source: {label: Dev Raw Data Source}
          rpc:
            label: SDC RPC
            type: destination
            config:
              config.hostPorts: [collector:20000]
              config.appId: rpc-app-Secret-1
          vault:
            label: SDC RPC
            type: destination
            config:
              config.hostPorts: [collector:20001]
              config.appId: '${credential:get("vault", "all", "rpc/app")}'
        connections:
          - source >> [rpc, vault]
        """);
    assertThat(plain.diagnostics()).extracting(d -> d.code()).contains(Code.LITERAL_SECRET);
    JsonNode original = PipelineTrees.tree(plain.pipeline().orElseThrow());

    ImportedFlow flow = ((ImportResult.Imported) new PipelineImporter(catalog).importPipeline(original, "orders.json")).flow();
    assertThat(flow.secrets()).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("ORDERS_OUT_SDCRPC_01_SDC_RPC_ID");
      assertThat(s.value()).isEqualTo("rpc-app-Secret-1");
      assertThat(s.toString()).isEqualTo("sdcrpc_01.sdc_rpc_id = {secret: ORDERS_OUT_SDCRPC_01_SDC_RPC_ID}");
    });
    assertThat(flow.yaml()).contains("sdc_rpc_id: {secret: ORDERS_OUT_SDCRPC_01_SDC_RPC_ID}")
        .contains("${credential:get(\"vault\", \"all\", \"rpc/app\")}").doesNotContain("rpc-app-Secret-1");
    assertThat(flow.notes().toString()).doesNotContain("rpc-app-Secret-1");

    Compilation again = compile(flow.yaml());
    assertThat(again.diagnostics()).extracting(d -> d.code()).doesNotContain(Code.LITERAL_SECRET);
    Map<String, String> env = new HashMap<>();
    flow.secrets().forEach(s -> env.put("FLOW_SECRET_" + s.name(), s.value()));
    JsonNode resolved = SecretResolver.resolve(PipelineTrees.tree(again.pipeline().orElseThrow()), new EnvironmentSecrets(env)).pipeline();
    assertThat(PipelineComparison.compare(original, resolved, catalog)).isEmpty();
  }
}
