package io.flowascode.cli;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.CatalogSources;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.diagnostic.Code;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Which stage definitions a command works with: the lock or the bundled catalog, plus the user's files. */
final class DefinitionsOptions {
  @Option(names = "--definitions", paramLabel = "FILE",
      description = "Extra stage definitions: a /rest/v1/definitions answer, an export with libraryDefinitions, or a catalog file.")
  List<Path> definitions = List.of();

  @Option(names = "--lock", paramLabel = "FILE",
      description = "A definitions lock (from `flow definitions`); used instead of the bundled catalog when it exists "
          + "(default: the project's, else " + CatalogSources.LOCK_FILE + ").")
  Path lock;

  /** The lock this run uses: --lock, else the project's, else the default name. */
  Path lock(Session session) {
    return session.project().lock(session, lock);
  }

  Catalog catalog(Session session) {
    try {
      return CatalogSources.resolve(lock(session), definitions.stream().map(session::resolve).toList());
    } catch (DefinitionsException e) {
      throw new UserError("error[" + Code.DEFINITIONS_UNREADABLE.id() + "]: cannot read definitions " + e.getMessage(), FlowCli.INVALID_INPUT, e);
    }
  }
}
