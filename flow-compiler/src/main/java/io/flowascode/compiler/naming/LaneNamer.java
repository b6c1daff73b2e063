package io.flowascode.compiler.naming;

import io.flowascode.compiler.PlatformNames;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Lane names in the SDKs' form, `<instance>OutputLane<uuid with underscores>`, but with a
 * name-based UUID so the same stage output gets the same lane on every compile.
 */
public final class LaneNamer {
  private LaneNamer() {}

  public static String outputLane(String instanceName, String portKey) {
    UUID id = UUID.nameUUIDFromBytes((instanceName + "\u0000" + portKey).getBytes(StandardCharsets.UTF_8));
    return instanceName + PlatformNames.OUTPUT_LANE_INFIX + id.toString().replace('-', '_');
  }

  public static String eventLane(String instanceName) {
    return instanceName + PlatformNames.EVENT_LANE_SUFFIX;
  }
}
