package io.flowascode.compiler.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which definitions a project compiles against. A definitions lock (taken from the engine with
 * `flow definitions`) replaces the bundled catalog, so validation is pinned to the engine's own
 * stages and versions and works offline; extra `--definitions` files are laid over either.
 */
public final class CatalogSources {
  /** The lock's conventional name, in the project directory. */
  public static final String LOCK_FILE = "flow-definitions.lock.json";

  private CatalogSources() {}

  public static Catalog resolve(Path lock, List<Path> definitions) throws DefinitionsException {
    Catalog catalog = lock != null && Files.isRegularFile(lock) ? read(lock) : BundledCatalog.load();
    for (Path p : definitions) {
      catalog = catalog.overlay(read(p));
    }
    return catalog;
  }

  private static Catalog read(Path file) throws DefinitionsException {
    try {
      return DefinitionsFiles.read(file);
    } catch (DefinitionsException e) {
      throw new DefinitionsException(file + ": " + e.getMessage(), e);
    }
  }
}
