package io.flowascode.imports;

import java.util.List;

/**
 * A fragment file written for the uses of one fragment: where it goes (relative to the output
 * directory, and so to the flows beside it), its text, its outputs' names in order, and the
 * credentials moved out of it.
 */
record FragmentFile(String path, String yaml, List<String> outputs, List<ImportedSecret> secrets) {
  FragmentFile {
    outputs = List.copyOf(outputs);
    secrets = List.copyOf(secrets);
  }
}
