package io.flowascode.imports;

import java.util.List;
import java.util.Optional;

/**
 * One pipeline imported as a flow file.
 *
 * @param id the flow id, which names the files: {@code <id>.flow.yaml}, {@code <id>.definitions.json}
 * @param yaml the flow file's text
 * @param definitions stage definitions the flow needs beyond the catalog it was imported with (our
 *     catalog format), to be passed to the compiler with {@code --definitions}
 * @param notes what was dropped or could not be expressed, in the order found
 * @param secrets the credentials moved out of the file, with their values (for the secrets file only)
 */
public record ImportedFlow(String id, String yaml, Optional<String> definitions, List<ImportNote> notes,
    List<ImportedSecret> secrets) {
  public ImportedFlow {
    notes = List.copyOf(notes);
    secrets = List.copyOf(secrets);
  }

  public String flowFileName() {
    return id + ".flow.yaml";
  }

  public String definitionsFileName() {
    return id + ".definitions.json";
  }
}
