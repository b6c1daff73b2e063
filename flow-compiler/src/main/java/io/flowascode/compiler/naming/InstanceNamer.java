package io.flowascode.compiler.naming;

import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.model.Located;
import io.flowascode.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Assigns instance names exactly as the platform's SDKs do: the label without characters outside
 * `[0-9A-Za-z_]`, then the first free `_NN` (two digits, more when needed) in file order. Pinned
 * names are reserved first and never reassigned; then the names a stage already has on the
 * target (see {@code io.flowascode.compiler.identity.StableNames}), so that moving a stage's block
 * or adding a stage before it never renames it.
 */
public final class InstanceNamer {
  private static final Pattern NOT_NAME = Pattern.compile("[^0-9A-Za-z_]");
  private static final Pattern VALID = Pattern.compile("[0-9A-Za-z_]+");

  /**
   * A stage waiting for a name: its definition label, the name it pins, if any, and the name it
   * should keep when that is still free (its name on the target), if any.
   */
  public record Request(String label, Optional<Located<String>> pinned, Optional<String> kept) {
    public Request(String label, Optional<Located<String>> pinned) {
      this(label, pinned, Optional.empty());
    }
  }

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
      Optional<String> kept = requests.get(i).kept();
      if (names[i] == null && kept.isPresent() && VALID.matcher(kept.get()).matches() && taken.add(kept.get())) {
        names[i] = kept.get();
      }
    }
    // Names are only ever taken, never freed, so the first free number of a base never goes
    // down: searching on from the last one given keeps 10,000 stages of one label linear.
    Map<String, Integer> nextNumber = new HashMap<>();
    Map<String, String> bases = new HashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      if (names[i] != null) {
        continue;
      }
      String base = bases.computeIfAbsent(requests.get(i).label(), InstanceNamer::base);
      for (int n = nextNumber.getOrDefault(base, 1); ; n++) {
        String candidate = base + "_" + (n < 10 ? "0" + n : String.valueOf(n));
        if (taken.add(candidate)) {
          names[i] = candidate;
          nextNumber.put(base, n + 1);
          break;
        }
      }
    }
    return List.of(names);
  }

  private static final Pattern NUMBERED = Pattern.compile(".*_(\\d{1,9})");

  /**
   * The UI label a stage gets when the flow gives it no title: `<label> <n>`, n the number its
   * instance name ends with (`Trash_02` is `Trash 2`), which is what the UI gives a stage it adds
   * and does not change when stage blocks move; the UI's own count ({@link #uiLabels}) for an
   * instance name without a number.
   *
   * @param counted the label the UI's count gives the stage in file order
   */
  public static String defaultUiLabel(String definitionLabel, String instanceName, String counted) {
    java.util.regex.Matcher m = NUMBERED.matcher(instanceName);
    return m.matches() ? definitionLabel + " " + Integer.parseInt(m.group(1)) : counted;
  }

  /** UI labels as the UI makes them: `<label> <n>`, n = 1 + earlier labels containing this label. */
  public static List<String> uiLabels(List<String> definitionLabels) {
    List<String> result = new ArrayList<>(definitionLabels.size());
    // The earlier UI labels grouped by their definition label: when that label contains this
    // one, all of them do; otherwise only a match reaching into the ` <n>` suffix is possible,
    // which needs this label to end in a space and digits. Counting per group keeps the work
    // proportional to stages times distinct labels instead of stages squared.
    Map<String, List<String>> earlierByLabel = new LinkedHashMap<>();
    for (String label : definitionLabels) {
      int n = 1;
      boolean mayReachSuffix = mayReachNumberSuffix(label);
      for (Map.Entry<String, List<String>> group : earlierByLabel.entrySet()) {
        if (group.getKey().contains(label)) {
          n += group.getValue().size();
        } else if (mayReachSuffix) {
          for (String earlier : group.getValue()) {
            if (earlier.contains(label)) {
              n++;
            }
          }
        }
      }
      String uiLabel = label + " " + n;
      result.add(uiLabel);
      earlierByLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(uiLabel);
    }
    return result;
  }

  /**
   * Whether {@code label} can occur in `<other> <n>` other than inside `<other>`: only by covering
   * the space before the number, so its last space is followed by nothing but digits, or by
   * lying inside the number, so it is all digits.
   */
  private static boolean mayReachNumberSuffix(String label) {
    int space = label.lastIndexOf(' ');
    for (int i = space + 1; i < label.length(); i++) {
      if (!Character.isDigit(label.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
