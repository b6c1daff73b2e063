package io.flowascode.imports;

/** Thrown while reading a pipeline the importer will not translate; becomes an {@link ImportResult.Refused}. */
final class ImportRefusal extends Exception {
  private static final long serialVersionUID = 1L;

  ImportRefusal(String reason) {
    super(reason, null, false, false);
  }
}
