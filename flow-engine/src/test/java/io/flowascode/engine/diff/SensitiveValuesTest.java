package io.flowascode.engine.diff;

import static io.flowascode.engine.diff.PipelineEdits.pipelineOf;
import static io.flowascode.engine.diff.PipelineEdits.setConfig;
import static io.flowascode.engine.diff.PipelineEdits.stage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flowascode.engine.diff.Change.ConfigChanged;
import io.flowascode.engine.diff.Change.ParameterChanged;
import io.flowascode.engine.diff.Change.SettingChanged;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A diff never keeps the value of a credential or of anything named like a secret. */
class SensitiveValuesTest {
  private static final String SECRET = "s3cr3t-value-that-must-not-leak";
  private static final TextNode REDACTED = TextNode.valueOf("(sensitive)");
  private final FlowDiffer differ = new FlowDiffer();

  private static ObjectNode withSftp() {
    ObjectNode p = pipelineOf(TestCatalogs.resource(SensitiveValuesTest.class,
        "/io/flowascode/engine/plan/expense-router-remote.json"));
    ObjectNode sftp = stage(p, "Trash_01");
    sftp.put("instanceName", "SFTPFTPFTPSClient_01").put("stageName", TestCatalogs.SFTP).put("stageVersion", "3");
    setConfig(sftp, "conf.remoteConfig.connection.credentials.username", TextNode.valueOf("alice"));
    return p;
  }

  @Test
  void aCredentialConfigIsReportedWithoutItsValues() {
    ObjectNode after = withSftp();
    // A username is not named like a secret, but its definition says CREDENTIAL.
    setConfig(stage(after, "SFTPFTPFTPSClient_01"), "conf.remoteConfig.connection.credentials.username",
        TextNode.valueOf(SECRET));
    List<Change> changes = differ.diff(withSftp(), after, TestCatalogs.mini()).changes();
    assertThat(changes).containsExactly(new ConfigChanged("SFTPFTPFTPSClient_01",
        "conf.remoteConfig.connection.credentials.username", "username", REDACTED, REDACTED, true));
    assertThat(changes.toString()).doesNotContain(SECRET).doesNotContain("alice");
  }

  @Test
  void configsParametersAndSettingsNamedLikeSecretsAreHiddenWithoutACatalog() {
    ObjectNode before = withSftp();
    ObjectNode after = withSftp();
    setConfig(stage(after, "Trash_02"), "conf.apiToken", TextNode.valueOf(SECRET));
    setConfig(after, "databricksConfig.token", TextNode.valueOf(SECRET));
    setConfig(after, "constants", TestCatalogs.JSON.createArrayNode()
        .add(TestCatalogs.JSON.createObjectNode().put("key", "LIMIT").put("value", 10000))
        .add(TestCatalogs.JSON.createObjectNode().put("key", "DB_PASSWORD").put("value", SECRET)));
    List<Change> changes = differ.diff(before, after, TestCatalogs.mini()).changes();
    assertThat(changes).containsExactlyInAnyOrder(
        new ParameterChanged("DB_PASSWORD", null, REDACTED, true),
        new SettingChanged("databricksConfig.token", "token", null, REDACTED, true));
    // conf.apiToken is unknown to the catalog and missing remotely: not compared at all.
    setConfig(stage(before, "Trash_02"), "conf.apiToken", TextNode.valueOf("old"));
    List<Change> withBoth = differ.diff(before, after, null).changes();
    assertThat(withBoth).contains(new ConfigChanged("Trash_02", "conf.apiToken", "conf.apiToken", REDACTED, REDACTED, true));
    assertThat(withBoth.toString()).doesNotContain(SECRET);
  }

  @Test
  void aValueCarryingAnAuthorizationHeaderIsHidden() {
    ObjectNode before = withSftp();
    ObjectNode after = withSftp();
    ArrayNode headers = TestCatalogs.JSON.createArrayNode();
    headers.addObject().put("key", "Authorization").put("value", "Bearer " + SECRET);
    setConfig(stage(after, "Trash_02"), "conf.headers", headers);
    setConfig(stage(before, "Trash_02"), "conf.headers", TestCatalogs.JSON.createArrayNode());
    List<Change> changes = differ.diff(before, after, null).changes();
    assertThat(changes).containsExactly(new ConfigChanged("Trash_02", "conf.headers", "conf.headers", null, REDACTED, true));
  }
}
