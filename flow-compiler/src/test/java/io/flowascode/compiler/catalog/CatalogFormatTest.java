package io.flowascode.compiler.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogFormatTest {
  private static final Comparator<StageDefinition> BY_REFERENCE = Comparator.comparing(StageDefinition::reference);

  private static Catalog realCatalog() throws Exception {
    return DefinitionsFiles.read(SharedFiles.realDefinitions());
  }

  @Test
  void writingWhatWasReadGivesTheSameBytes() throws Exception {
    String written = CatalogFormat.write(realCatalog());

    assertThat(CatalogFormat.write(CatalogFormat.read(written))).isEqualTo(written);
    assertThat(CatalogFormat.write(realCatalog())).isEqualTo(written);
  }

  @Test
  void readsBackEveryFieldOfEveryDefinition() throws Exception {
    Catalog original = realCatalog();

    Catalog copy = CatalogFormat.read(CatalogFormat.write(original));

    assertThat(sorted(copy.stages())).isEqualTo(sorted(original.stages()));
    assertThat(copy.pipelineConfigs()).isEqualTo(original.pipelineConfigs());
    assertThat(copy.services()).containsExactlyInAnyOrderElementsOf(original.services());
  }

  @Test
  void isIndentedCompactAndFreeOfThePlatformsUiData() throws Exception {
    String written = CatalogFormat.write(realCatalog());

    assertThat(written).startsWith("{\n  \"format\": \"flow-catalog\",\n  \"formatVersion\": 2,\n");
    assertThat(written).endsWith("}\n");
    assertThat(written).doesNotContain("elFunctionDefinitionsIdx", "\"icon\"", "configGroupDefinition", "\t");
    // Long choice lists several configs share are written once.
    assertThat(written).contains("\"valueSets\": {").contains("\"valueSet\": \"charset\"");
    assertThat(written.length()).isLessThan(2_500_000);
  }

  @Test
  void stagesAreSortedWhateverOrderTheCatalogHasThem() throws Exception {
    Catalog catalog = realCatalog();
    List<StageDefinition> reversed = new ArrayList<>(catalog.stages());
    Collections.reverse(reversed);

    Catalog shuffled = new Catalog(reversed, catalog.services(), catalog.pipelineConfigs(), catalog.el());

    assertThat(CatalogFormat.write(shuffled)).isEqualTo(CatalogFormat.write(catalog));
  }

  @Test
  void anInferredDefinitionKeepsItsMark() throws Exception {
    String doc = """
        {"format": "flow-catalog", "formatVersion": 1, "stages": [
          {"library": "example-lib", "name": "com_example_Lookup", "version": "3", "label": "Lookup",
           "type": "processor", "inferred": true, "outputStreams": 1,
           "configs": [{"name": "conf.query", "type": "TEXT", "displayPosition": 0}]}]}
        """;

    Catalog catalog = CatalogFormat.read(doc);

    StageDefinition lookup = catalog.byLabel("Lookup").get(0);
    assertThat(lookup.inferred()).isTrue();
    assertThat(lookup.type()).isEqualTo(StageType.PROCESSOR);
    assertThat(lookup.config("conf.query").orElseThrow().attributeName()).isEqualTo("query");
    assertThat(CatalogFormat.write(CatalogFormat.read(CatalogFormat.write(catalog)))).isEqualTo(CatalogFormat.write(catalog));
  }

  @Test
  void labelsEqualToTheirValuesAreLeftOutAndReadBack() throws Exception {
    String doc = """
        {"format": "flow-catalog", "formatVersion": 1, "stages": [
          {"library": "l", "name": "n", "version": "1", "type": "origin", "outputStreams": 1, "configs": [
            {"name": "same", "type": "MODEL", "displayPosition": 0, "model": {"modelType": "VALUE_CHOOSER", "values": ["A", "B"]}},
            {"name": "none", "type": "MODEL", "displayPosition": 0, "model": {"modelType": "VALUE_CHOOSER", "values": ["A"], "labels": []}}]}]}
        """;

    StageDefinition stage = CatalogFormat.read(doc).stages().get(0);

    assertThat(stage.config("same").orElseThrow().model().orElseThrow().labels()).containsExactly("A", "B");
    assertThat(stage.config("none").orElseThrow().model().orElseThrow().labels()).isEmpty();
    assertThat(CatalogFormat.write(CatalogFormat.read(doc))).contains("\"labels\": []");
  }

  @Test
  void refusesOtherFormatsAndVersionsAndBrokenReferences() {
    assertThatThrownBy(() -> CatalogFormat.read("{\"stages\": []}"))
        .isInstanceOf(DefinitionsException.class).hasMessage("the file is not a flow-catalog document");
    assertThatThrownBy(() -> CatalogFormat.read("{\"format\": \"flow-catalog\", \"formatVersion\": 3}"))
        .isInstanceOf(DefinitionsException.class)
        .hasMessage("the catalog has formatVersion 3, but this tool reads versions 1 to 2");
    assertThatThrownBy(() -> CatalogFormat.read("""
        {"format": "flow-catalog", "formatVersion": 1, "pipelineConfigs": [
          {"name": "c", "type": "MODEL", "model": {"modelType": "VALUE_CHOOSER", "valueSet": "zones"}}]}
        """))
        .isInstanceOf(DefinitionsException.class)
        .hasMessage("pipelineConfigs[0] (c) uses a valueSet the document does not define");
    assertThatThrownBy(() -> CatalogFormat.read("""
        {"format": "flow-catalog", "formatVersion": 1, "stages": [{"library": "l", "name": "n", "version": "1", "type": "SOURCE"}]}
        """))
        .isInstanceOf(DefinitionsException.class).hasMessage("stages[0] (n) has the unknown type 'SOURCE'");
  }

  private static List<StageDefinition> sorted(List<StageDefinition> stages) {
    return stages.stream().sorted(BY_REFERENCE).toList();
  }
}
