package io.flowascode.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pipeline imported as a flow file, or one fragment export imported as a fragment file.
 *
 * @param id the flow id (the fragment's, for a fragment file)
 * @param yaml the file's text
 * @param definitions stage definitions the flow needs beyond the catalog it was imported with (our
 *     catalog format), to be passed to the compiler with {@code --definitions}
 * @param notes what was dropped or could not be expressed, in the order found
 * @param fileName the file to write, relative to the output directory: {@code <id>.flow.yaml}, or
 *     {@code fragments/<name>.fragment.yaml} for a fragment
 * @param fragmentFiles the fragment files the flow uses, by their path relative to the output
 *     directory, which is also how the flow names them
 * @param secrets the credentials moved out of the file, with their values (for the secrets file only)
 */
public record ImportedFlow(String id, String yaml, Optional<String> definitions, List<ImportNote> notes, String fileName,
    Map<String, String> fragmentFiles, List<ImportedSecret> secrets) {
  public ImportedFlow {
    notes = List.copyOf(notes);
    fragmentFiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fragmentFiles));
    secrets = List.copyOf(secrets);
  }

  public ImportedFlow(String id, String yaml, Optional<String> definitions, List<ImportNote> notes) {
    this(id, yaml, definitions, notes, id + ".flow.yaml", Map.of(), List.of());
  }

  public String flowFileName() {
    return fileName;
  }

  public String definitionsFileName() {
    return fileName.replaceAll("\\.(flow|fragment)\\.yaml$", "") + ".definitions.json";
  }

  /** Whether this is a fragment file (from a fragment export), which flows use, not a flow. */
  public boolean isFragment() {
    return fileName.endsWith(".fragment.yaml");
  }
}
