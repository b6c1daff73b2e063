package io.flowascode.compiler.naming;

import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.model.Located;
import io.flowascode.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Assigns instance names exactly as the platform's SDKs do: the label without characters outside
 * `[0-9A-Za-z_]`, then the first free `_NN` (two digits, more when needed) in file order. Pinned
 * names are reserved first and never reassigned.
 */
public final class InstanceNamer {
  private static final Pattern NOT_NAME = Pattern.compile("[^0-9A-Za-z_]");
  private static final Pattern VALID = Pattern.compile("[0-9A-Za-z_]+");

  /** A stage waiting for a name: its definition label and the name it pins, if any. */
  public record Request(String label, Optional<Located<String>> pinned) {}

  private InstanceNamer() {}

  public static String base(String label) {
    return NOT_NAME.matcher(label).replaceAll("");
  }

  /** Names for the requests, in order; invalid or duplicate pins are reported and renamed. */
  public static List<String> assign(List<Request> requests, Diagnostics out) {
    Set<String> taken = new HashSet<>();
    Map<String, Span> pinnedAt = new HashMap<>();
    String[] names = new String[requests.size()];
    for (int i = 0; i < requests.size(); i++) {
      Optional<Located<String>> pin = requests.get(i).pinned();
      if (pin.isEmpty()) {
        continue;
      }
      String name = pin.get().value();
      if (!VALID.matcher(name).matches()) {
        String fixed = NOT_NAME.matcher(name).replaceAll("_");
        out.add(Diagnostic.of(Code.INVALID_INSTANCE_NAME, pin.get().span(),
                "the instance name `" + name + "` has characters the platform rejects")
            .label("only letters, digits and `_`")
            .help(fixed.isEmpty() ? "use letters, digits and `_`" : "try `" + fixed + "`")
            .build());
        continue;
      }
      Span first = pinnedAt.putIfAbsent(name, pin.get().span());
      if (first != null) {
        out.add(Diagnostic.of(Code.DUPLICATE_INSTANCE_NAME, pin.get().span(),
                "two stages pin the instance name `" + name + "`")
            .label("second use")
            .related(first, "first use")
            .help("instance names identify stages on the platform; give each stage its own")
            .build());
        continue;
      }
      taken.add(name);
      names[i] = name;
    }
    for (int i = 0; i < requests.size(); i++) {
      if (names[i] != null) {
        continue;
      }
      String base = base(requests.get(i).label());
      for (int n = 1; ; n++) {
        String candidate = base + "_" + (n < 10 ? "0" + n : String.valueOf(n));
        if (taken.add(candidate)) {
          names[i] = candidate;
          break;
        }
      }
    }
    return List.of(names);
  }

  /** UI labels as the UI makes them: `<label> <n>`, n = 1 + earlier labels containing this label. */
  public static List<String> uiLabels(List<String> definitionLabels) {
    List<String> result = new ArrayList<>();
    for (String label : definitionLabels) {
      int n = 1;
      for (String earlier : result) {
        if (earlier.contains(label)) {
          n++;
        }
      }
      result.add(label + " " + n);
    }
    return result;
  }
}
