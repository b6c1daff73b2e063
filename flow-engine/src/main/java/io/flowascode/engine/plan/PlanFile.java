package io.flowascode.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A saved plan (`flow plan -out`, then `flow apply plan.json`): per flow the action, the remote
 * revision the plan was computed against and the pipeline apply will write, plus the changes for
 * showing again. The file carries a format version and a SHA-256 checksum of its content, so a
 * corrupted or hand-edited plan is refused rather than applied. The checksum guards against
 * accidents, not attackers (anyone can recompute it).
 *
 * <p>Written atomically (a temporary file beside the target, then a move) and, where the file
 * system supports it, readable by the owner only: desired pipelines may hold credentials.
 */
public final class PlanFile {
  static final String FORMAT = "flow-as-code-plan";
  /**
   * The file's own version; 2 added the target, 3 the environment and the plan in the file's words
   * (its counts and names). The plan inside keeps the JSON rendering's version.
   */
  static final int FILE_FORMAT_VERSION = 3;
  private static final String CHECKSUM_PREFIX = "sha256:";

  private final PlanJson json = new PlanJson();

  /**
   * Saves a plan for a later `apply --plan-file`.
   *
   * @throws PlanFileException when the plan is incomplete: applied later it would silently leave
   *     out the flows it could not read
   */
  public void write(Path file, Plan plan, String target) throws IOException {
    write(file, plan, new PlanHeading(java.util.Optional.empty(), target));
  }

  /** Saves the plan with where it was made for: the target, and the project's environment if one was named. */
  public void write(Path file, Plan plan, PlanHeading heading) throws IOException {
    String target = heading.target();
    if (plan.incomplete()) {
      throw new PlanFileException("the plan is incomplete (" + String.join(", ", plan.unread())
          + " could not be read) and is not saved: a saved plan must cover every flow; plan again once the remote answers");
    }
    ObjectNode rendered = json.plan(plan, true);
    ObjectNode withTarget = json.mapper.createObjectNode();
    withTarget.set("formatVersion", rendered.get("formatVersion"));
    withTarget.put("target", target);
    withTarget.put("environment", heading.environment().orElse(null));
    rendered.remove("formatVersion");
    withTarget.setAll(rendered);
    ObjectNode content = normalised(withTarget);
    ObjectNode root = json.mapper.createObjectNode();
    root.put("format", FORMAT);
    root.put("formatVersion", FILE_FORMAT_VERSION);
    root.put("checksum", checksum(content));
    root.set("plan", content);
    byte[] bytes = json.write(root).getBytes(StandardCharsets.UTF_8);

    Path destination = file.toAbsolutePath();
    Path dir = destination.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + destination.getFileName(), ".tmp");
    try {
      ownerOnly(temp);
      Files.write(temp, bytes);
      try {
        Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  public SavedPlan read(Path file) throws IOException {
    JsonNode root;
    try {
      root = json.mapper.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      // The parser's message would quote the file's content, which may hold credentials.
      throw new PlanFileException("saved plan " + file + " is not valid JSON (line "
          + e.getLocation().getLineNr() + "); it is corrupted: run plan again");
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new PlanFileException(file + " is not a saved plan (no \"format\": \"" + FORMAT + "\")");
    }
    int version = root.path("formatVersion").asInt(-1);
    if (version != FILE_FORMAT_VERSION) {
      throw new PlanFileException("saved plan " + file + " has format version " + root.path("formatVersion")
          + "; this version reads only version " + FILE_FORMAT_VERSION + ": run plan again");
    }
    JsonNode content = root.get("plan");
    if (content == null || !content.isObject()) {
      throw new PlanFileException("saved plan " + file + " has no plan content; it is corrupted: run plan again");
    }
    if (!checksum(content).equals(root.path("checksum").asText())) {
      throw new PlanFileException("saved plan " + file + " does not match its checksum: it was changed or "
          + "corrupted after it was written. Refusing to use it: run plan again");
    }
    if (!content.path("target").isTextual()) {
      throw new PlanFileException("saved plan " + file + " does not say which target it was made for: run plan again");
    }
    try {
      return new SavedPlan(json.planFromJson(content), content.get("target").asText(),
          content.path("environment").isTextual() ? java.util.Optional.of(content.get("environment").asText())
              : java.util.Optional.empty());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PlanFileException("saved plan " + file + " has a checksum but content this version cannot "
          + "read (" + e.getClass().getSimpleName() + "): run plan again");
    }
  }

  /** The content as it reads back from disk, so the checksum is over what a reader will see. */
  private ObjectNode normalised(ObjectNode content) throws JsonProcessingException {
    return (ObjectNode) json.mapper.readTree(json.mapper.writeValueAsString(content));
  }

  private String checksum(JsonNode content) throws JsonProcessingException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(json.mapper.writeValueAsBytes(content));
      return CHECKSUM_PREFIX + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static void ownerOnly(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system: the directory's own protection applies.
    }
  }
}
