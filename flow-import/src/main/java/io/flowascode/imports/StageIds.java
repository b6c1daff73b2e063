package io.flowascode.imports;

import io.flowascode.compiler.catalog.AttributeNames;
import io.flowascode.compiler.naming.InstanceNamer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Local stage ids derived from instance names: `DevRawDataSource_01` becomes
 * `dev_raw_data_source`, keeping the number only when another stage shares the name's base
 * (`trash_01`, `trash_02`). An instance name not made from the stage's label (old pipelines have
 * `com_..._KafkaDSource1430942672563`) gives way to the label (`kafka_consumer`). Instance names
 * and labels survive a compile, so importing the compiled pipeline again gives the same ids.
 */
final class StageIds {
  private static final Pattern NOT_ID = Pattern.compile("[^A-Za-z0-9_]+");

  private StageIds() {}

  /** A stage's id before uniqueness: a base and the instance number, if it has one. */
  private record Parts(String base, String number) {}

  static List<String> of(List<String> instanceNames, List<String> labels) {
    List<Parts> parts = new ArrayList<>();
    Map<String, Integer> baseUses = new HashMap<>();
    for (int i = 0; i < instanceNames.size(); i++) {
      String name = instanceNames.get(i);
      String labelBase = InstanceNamer.base(labels.get(i));
      Parts p;
      if (!labelBase.isEmpty() && name.matches(Pattern.quote(labelBase) + "_\\d+")) {
        p = new Parts(snake(labelBase), name.substring(labelBase.length() + 1));
      } else if (!labelBase.isEmpty()) {
        p = new Parts(snake(labelBase), "");
      } else {
        p = new Parts(snake(name), "");
      }
      parts.add(p);
      baseUses.merge(p.base(), 1, Integer::sum);
    }
    List<String> ids = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (Parts p : parts) {
      boolean alone = baseUses.get(p.base()) == 1;
      String id = (alone && (p.number().isEmpty() || p.number().equals("01"))) || p.number().isEmpty()
          ? p.base() : p.base() + "_" + p.number();
      String unique = id;
      for (int n = 2; !taken.add(unique); n++) {
        unique = id + "_" + n;
      }
      ids.add(unique);
    }
    return ids;
  }

  /** `HTTPClient` to `http_client`, always a valid id. */
  private static String snake(String name) {
    String s = NOT_ID.matcher(AttributeNames.underscore(name)).replaceAll("_").replaceAll("__+", "_");
    s = s.replaceAll("^_+|_+$", "");
    if (s.isEmpty()) {
      return "stage";
    }
    return Character.isLetter(s.charAt(0)) ? s : "s_" + s;
  }
}
