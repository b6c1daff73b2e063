package io.flowascode.imports;

import java.util.List;

/**
 * A fragment file written for the uses of one fragment: where it goes (relative to the output
 * directory, and so to the flows beside it), its text, and its outputs' names in order.
 */
record FragmentFile(String path, String yaml, List<String> outputs) {
  FragmentFile {
    outputs = List.copyOf(outputs);
  }
}
