package io.flowascode.imports;

import io.flowascode.compiler.catalog.AttributeNames;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the fragment files of one import go: `fragments/<title>.fragment.yaml`, one file per
 * distinct fragment. The same fragment used by several pipelines (or also exported) is one file;
 * two different fragments with one title (two versions of a fragment) get `-2`, `-3`.
 */
final class FragmentFileNames {
  static final String DIRECTORY = "fragments/";

  private final Map<String, String> contentByPath = new HashMap<>();

  /** The path of the file with this content, taken for it when new. */
  synchronized String path(String title, String content) {
    String base = slug(title);
    for (int n = 1; ; n++) {
      String path = DIRECTORY + base + (n == 1 ? "" : "-" + n) + ".fragment.yaml";
      String existing = contentByPath.putIfAbsent(path, content);
      if (existing == null || existing.equals(content)) {
        return path;
      }
    }
  }

  /** `Read Files from S3` as `read-files-from-s3`. */
  static String slug(String title) {
    String s = AttributeNames.underscore(title).replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "fragment" : s.toLowerCase(java.util.Locale.ROOT);
  }
}
