package io.flowascode.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The `info` block a pipeline store keeps beside each pipeline (Data Collector's `PipelineInfoJson`),
 * with its fields in the platform's order. The platform dereferences `sdcVersion` on every save.
 *
 * @param created epoch milliseconds
 * @param lastModified epoch milliseconds
 * @param metadata a JSON value, usually null
 * @param sdcVersion null when the store is not an engine
 * @param sdcId null when the store is not an engine
 */
public record PipelineInfo(
    String pipelineId,
    String title,
    String description,
    long created,
    long lastModified,
    String creator,
    String lastModifier,
    String uuid,
    boolean valid,
    JsonNode metadata,
    String sdcVersion,
    String sdcId) {

  /** Data Collector keeps a single revision of each pipeline, always named "0". */
  public static final String LAST_REV = "0";

  /** This info after a save by `user` at `when` that gave the pipeline a new uuid and content. */
  public PipelineInfo saved(String newTitle, String newDescription, long when, String user, String newUuid) {
    return new PipelineInfo(
        pipelineId, newTitle, newDescription, created, when, creator, user, newUuid, valid, metadata, sdcVersion,
        sdcId);
  }

  public ObjectNode toJson() {
    ObjectNode info = JsonNodeFactory.instance.objectNode();
    info.put("pipelineId", pipelineId);
    info.put("title", title);
    info.put("description", description);
    info.put("created", created);
    info.put("lastModified", lastModified);
    info.put("creator", creator);
    info.put("lastModifier", lastModifier);
    info.put("lastRev", LAST_REV);
    info.put("uuid", uuid);
    info.put("valid", valid);
    info.set("metadata", metadata == null ? info.nullNode() : metadata.deepCopy());
    // `name` is the platform's deprecated alias of pipelineId, still written by it.
    info.put("name", pipelineId);
    info.put("sdcVersion", sdcVersion);
    info.put("sdcId", sdcId);
    return info;
  }

  /** Reads an info block; missing fields become null, zero or false. */
  public static PipelineInfo fromJson(JsonNode info) {
    return new PipelineInfo(
        text(info, "pipelineId"),
        text(info, "title"),
        text(info, "description"),
        info.path("created").asLong(),
        info.path("lastModified").asLong(),
        text(info, "creator"),
        text(info, "lastModifier"),
        text(info, "uuid"),
        info.path("valid").asBoolean(false),
        info.hasNonNull("metadata") ? info.get("metadata").deepCopy() : null,
        text(info, "sdcVersion"),
        text(info, "sdcId"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
