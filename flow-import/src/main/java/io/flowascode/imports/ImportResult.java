package io.flowascode.imports;

/** The outcome of importing one pipeline: a flow, or a refusal that says why. */
public sealed interface ImportResult {
  /** Where the pipeline came from (a file name, a zip entry, a remote id), for messages. */
  String source();

  /** The pipeline became a flow file. */
  record Imported(String source, ImportedFlow flow) implements ImportResult {}

  /** The pipeline is of a kind the flow language does not describe (Transformer, fragment, ...). */
  record Refused(String source, String reason) implements ImportResult {}
}
