package io.flowascode.diagnostic.render;

import static io.flowascode.diagnostic.render.TerminalRendererTest.find;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Fix;
import io.flowascode.diagnostic.TextEdit;
import io.flowascode.source.SourceFile;
import io.flowascode.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRendererTest {
  private static final SourceFile FLOW = new SourceFile("flows/a.flow.yaml", """
      stages:
        source: {label: Dev Raw Data Source}
        sink: {label: Trash}
      connections:
        - sink >> source
      """);

  private static final List<Diagnostic> DIAGNOSTICS = List.of(
      Diagnostic.of(Code.INPUT_INTO_ORIGIN, find(FLOW, 5, "source"), "`source` is an origin and cannot have inputs")
          .label("an origin")
          .related(find(FLOW, 2, "source"), "declared here")
          .build(),
      Diagnostic.of(Code.EMPTY_DOCUMENT, Span.ofFile("flows/b.flow.yaml"), "the file holds no flow")
          .help("a flow file starts with `flow:`")
          .build());

  @Test
  void eachDiagnosticHasEveryFieldInOneOrderAndTheCountsFollow() {
    assertThat(new JsonRenderer().render(DIAGNOSTICS, SourceLookup.none())).isEqualTo("""
        {
          "diagnostics": [
            {
              "code": "E0505",
              "severity": "error",
              "file": "flows/a.flow.yaml",
              "start": {
                "line": 5,
                "column": 13
              },
              "end": {
                "line": 5,
                "column": 19
              },
              "message": "`source` is an origin and cannot have inputs",
              "label": "an origin",
              "help": null,
              "notes": [
                "the platform reports this as VALIDATION_0012"
              ],
              "related": [
                {
                  "file": "flows/a.flow.yaml",
                  "start": {
                    "line": 2,
                    "column": 3
                  },
                  "end": {
                    "line": 2,
                    "column": 9
                  },
                  "message": "declared here"
                }
              ],
              "platformCode": "VALIDATION_0012",
              "engineCodes": [
                {
                  "code": "VALIDATION_0012"
                }
              ],
              "fixes": []
            },
            {
              "code": "E0108",
              "severity": "error",
              "file": "flows/b.flow.yaml",
              "start": null,
              "end": null,
              "message": "the file holds no flow",
              "label": "",
              "help": "a flow file starts with `flow:`",
              "notes": [],
              "related": [],
              "platformCode": null,
              "engineCodes": [],
              "fixes": []
            }
          ],
          "errors": 2,
          "warnings": 0
        }
        """);
  }

  @Test
  void aFixIsItsDescriptionWhetherItIsSafeAndItsEditsWithPlacesAndOffsets() throws Exception {
    Span typed = find(FLOW, 3, "Trash");
    Diagnostic d = Diagnostic.of(Code.UNKNOWN_LABEL, typed, "unknown stage label `Trash`")
        .fixes(List.of(new Fix("replace `Trash` with `Trash Can`", List.of(new TextEdit(typed, "Trash Can")), true)))
        .build();

    JsonNode fix = new ObjectMapper().readTree(new JsonRenderer().render(List.of(d), SourceLookup.none()))
        .at("/diagnostics/0/fixes/0");

    assertThat(fix.get("description").asText()).isEqualTo("replace `Trash` with `Trash Can`");
    assertThat(fix.get("safe").asBoolean()).isTrue();
    JsonNode edit = fix.at("/edits/0");
    assertThat(edit.get("file").asText()).isEqualTo("flows/a.flow.yaml");
    assertThat(edit.at("/start/line").asInt()).isEqualTo(3);
    assertThat(edit.at("/start/column").asInt()).isEqualTo(17);
    assertThat(edit.at("/end/column").asInt()).isEqualTo(22);
    assertThat(FLOW.text().substring(edit.get("startOffset").asInt(), edit.get("endOffset").asInt())).isEqualTo("Trash");
    assertThat(edit.get("replacement").asText()).isEqualTo("Trash Can");
  }

  @Test
  void nothingFoundIsAnEmptyListAndZeroCounts() throws Exception {
    JsonNode parsed = new ObjectMapper().readTree(new JsonRenderer().render(List.of(), SourceLookup.none()));

    assertThat(parsed.get("diagnostics").isEmpty()).isTrue();
    assertThat(parsed.get("errors").asInt()).isZero();
    assertThat(parsed.get("warnings").asInt()).isZero();
  }

  @Test
  void textThatJsonMustEscapeSurvivesARoundTrip() throws Exception {
    String message = "a \"quoted\" value\nwith a line break, a tab\tand \\ and \u0001";
    Diagnostic d = Diagnostic.of(Code.YAML_SYNTAX, find(FLOW, 1, "stages"), message).build();

    JsonNode parsed = new ObjectMapper().readTree(new JsonRenderer().render(List.of(d), SourceLookup.none()));

    assertThat(parsed.at("/diagnostics/0/message").asText()).isEqualTo(message);
  }
}
