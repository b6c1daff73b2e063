package io.flowascode.compiler.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.emit.PipelineTrees;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The compilation names each instance by the file's stage id and each selector output by its predicate. */
class StageNamesTest {
  @Test
  void aCompiledFlowMapsInstanceNamesToTheFilesIdsAndPredicateNames() {
    Compilation c = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT)
        .compile(Path.of("..", "samples", "10-expense-router.flow.yaml"), "10-expense-router.flow.yaml");

    StageNames names = c.stageNames().orElseThrow();

    assertThat(names.id("StreamSelector_01")).contains("route");
    assertThat(names.id("LocalFS_01")).contains("big_expenses");
    assertThat(names.id("LocalFS_03")).contains("archive");
    assertThat(names.predicate("StreamSelector_01", 1)).contains("big");
    assertThat(names.predicate("StreamSelector_01", 2)).contains("refund");
    assertThat(names.predicate("StreamSelector_01", 3)).isEmpty(); // the default output has no name of its own
    assertThat(names.ids()).hasSize(PipelineTrees.tree(c.pipeline().orElseThrow()).path("stages").size());
  }
}
