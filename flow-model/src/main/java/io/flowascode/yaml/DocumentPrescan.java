package io.flowascode.yaml;

import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.source.SourceFile;
import io.flowascode.source.Span;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Checks a document's event stream before any node graph is built: what would be costly to find
 * later (depth, size, alias expansion, recursion) or what composing hides (merge keys are
 * flattened away by the composer, and explicit tags are indistinguishable from resolved ones).
 */
final class DocumentPrescan {
  /** The tags a flow may spell out; they only restate what the YAML 1.2 core schema resolves. */
  private static final Set<String> CORE_TAGS = Set.of(
      Tag.STR.getValue(), Tag.INT.getValue(), Tag.FLOAT.getValue(), Tag.BOOL.getValue(),
      Tag.NULL.getValue(), Tag.SEQ.getValue(), Tag.MAP.getValue(), "!");

  /** What an anchor is bound to: a collection still being read, or a finished node's size. */
  private static final class Binding {
    final boolean collection;
    final boolean mapping;
    boolean open;
    long size = 1;
    int children;
    final Span at;
    /** The key this collection is the value of, for messages (`stages`); empty when none. */
    final String key;
    /** The last key read in this mapping. */
    String lastKey = "";

    Binding(boolean collection, boolean mapping, Span at, String key) {
      this.collection = collection;
      this.mapping = mapping;
      this.open = collection;
      this.at = at;
      this.key = key;
    }
  }

  private final SourceFile file;
  private final YamlLimits limits;
  private final Diagnostics out;
  private final Deque<Binding> open = new ArrayDeque<>();
  private final Map<Anchor, Binding> anchors = new HashMap<>();
  private int documents;
  private boolean mergeKeys;
  private int collectionAliases;
  private long expanded;
  private boolean aliasesUsed;

  DocumentPrescan(SourceFile file, YamlLimits limits, Diagnostics out) {
    this.file = file;
    this.limits = limits;
    this.out = out;
  }

  /**
   * Looks at one event; false when reading must stop because going on would be wrong or costly.
   * Merge keys and tags are reported without stopping, so that all of them are reported at once.
   */
  boolean accept(Event e) {
    switch (e.getEventId()) {
      case DocumentStart -> {
        documents++;
        if (documents == 2) {
          out.add(Diagnostic.of(Code.MULTIPLE_DOCUMENTS, span(e), "the file holds more than one YAML document")
              .label("a second document starts here")
              .help("put each flow in a file of its own")
              .build());
          return false;
        }
      }
      case MappingStart, SequenceStart -> {
        CollectionStartEvent start = (CollectionStartEvent) e;
        checkTag(start.getTag(), e);
        if (!countKey(e, "")) {
          return false;
        }
        Binding parent = open.peek();
        String key = parent != null && parent.mapping && parent.children % 2 == 1 && open.size() == 1 ? parent.lastKey : "";
        Binding b = new Binding(true, start instanceof MappingStartEvent, anchorSpan(e, start.getAnchor()), key);
        start.getAnchor().ifPresent(a -> anchors.put(a, b));
        open.push(b);
        if (open.size() > limits.maxDepth()) {
          out.add(Diagnostic.of(Code.TOO_DEEP, span(e), "the document nests deeper than " + limits.maxDepth() + " levels")
              .label("too deep")
              .help("flow files never need more than a few levels of nesting")
              .build());
          return false;
        }
        return countNodes(1, e);
      }
      case MappingEnd, SequenceEnd -> {
        Binding done = open.pop();
        done.open = false;
        addToParent(done.size);
      }
      case Scalar -> {
        ScalarEvent scalar = (ScalarEvent) e;
        checkTag(scalar.getTag(), e);
        if (!countKey(e, scalar.getValue())) {
          return false;
        }
        Span where = span(e);
        if (isKey() && scalar.isPlain() && scalar.getTag().isEmpty() && scalar.getValue().equals("<<")) {
          out.add(Diagnostic.of(Code.MERGE_KEY, where, "YAML merge keys (`<<`) are not supported in flow files")
              .label("merge key")
              .help("write the entries out; merged entries hide what a stage really gets")
              .build());
          mergeKeys = true;
        }
        int length = where.end().offset() - where.start().offset();
        if (length > limits.maxScalarChars()) {
          out.add(Diagnostic.of(Code.TOO_LARGE, where,
                  "a value of " + length + " characters is longer than the limit of " + limits.maxScalarChars())
              .label("this value")
              .help("keep large data (scripts, sample records) in files the stage reads at run time")
              .build());
          return false;
        }
        scalar.getAnchor().ifPresent(a -> anchors.put(a, new Binding(false, false, anchorSpan(e, scalar.getAnchor()), "")));
        addToParent(1);
        return countNodes(1, e);
      }
      case Alias -> {
        if (!countKey(e, "")) {
          return false;
        }
        Binding target = anchors.get(((AliasEvent) e).getAlias());
        aliasesUsed = true;
        if (target == null) {
          // An undefined alias: the composer reports it with its place.
          addToParent(1);
          return countNodes(1, e);
        }
        if (target.open) {
          out.add(Diagnostic.of(Code.ALIAS_USED, span(e), "this alias refers to a node that contains it")
              .label("recursive alias")
              .related(target.at, "the anchor it refers to")
              .help("remove the recursive reference; a flow is a tree")
              .build());
          return false;
        }
        if (target.collection) {
          collectionAliases++;
          if (collectionAliases > limits.maxAliases()) {
            out.add(Diagnostic.of(Code.TOO_MANY_ALIASES, span(e),
                    "the document uses more than " + limits.maxAliases() + " aliases of lists or mappings")
                .label("one alias too many")
                .help("aliases that expand into large structures are refused; write the values out")
                .build());
            return false;
          }
        }
        addToParent(target.size);
        return countNodes(target.size, e);
      }
      default -> {}
    }
    return true;
  }

  /**
   * Whether the document can be composed once every event was accepted: the composer would
   * flatten merge keys (or fail on a malformed one), so a document with one is not composed.
   */
  boolean composable() {
    return !mergeKeys;
  }

  /**
   * Counts a node that starts as a mapping key, checking the limit on keys per mapping (a flow's
   * stages among them) before anything is built from them.
   */
  private boolean countKey(Event e, String text) {
    if (!isKey()) {
      return true;
    }
    Binding mapping = open.peek();
    mapping.lastKey = text;
    int index = mapping.children / 2 + 1;
    if (index > limits.maxKeysPerMapping()) {
      boolean stages = mapping.key.equals("stages");
      String what = stages ? "stages" : "keys";
      out.add(Diagnostic.of(Code.TOO_LARGE, span(e),
              (stages ? "the flow has" : "a mapping has") + " more than " + limits.maxKeysPerMapping() + " " + what)
          .label(stages ? "one stage too many" : "one key too many")
          .related(mapping.at, stages ? "the stages start here" : "the mapping starts here")
          .help(stages ? "split it into several flows; no flow needs this many stages"
              : "a flow file never needs this many keys in one place; is this the file you meant?")
          .build());
      return false;
    }
    return true;
  }

  private boolean isKey() {
    Binding parent = open.peek();
    return parent != null && parent.mapping && parent.children % 2 == 0;
  }

  private void addToParent(long size) {
    Binding parent = open.peek();
    if (parent != null) {
      parent.size += size;
      parent.children++;
    }
  }

  /** Counts the values a node expands to once aliases are replaced by what they refer to. */
  private boolean countNodes(long size, Event e) {
    expanded += size;
    if (expanded > limits.maxNodes()) {
      if (aliasesUsed) {
        out.add(Diagnostic.of(Code.TOO_MANY_ALIASES, span(e),
                "the document expands to more than " + limits.maxNodes() + " values")
            .label("expands past the limit here")
            .help("aliases that expand into large structures are refused; write the values out")
            .build());
      } else {
        out.add(Diagnostic.of(Code.TOO_LARGE, span(e), "the document has more than " + limits.maxNodes() + " values")
            .label("one value too many")
            .help("split the flow into several flows, or check that this is the file you meant")
            .build());
      }
      return false;
    }
    return true;
  }

  private void checkTag(Optional<String> tag, Event e) {
    if (tag.isPresent() && !CORE_TAGS.contains(tag.get())) {
      String shown = tag.get().startsWith(Tag.PREFIX) ? "!!" + tag.get().substring(Tag.PREFIX.length()) : tag.get();
      out.add(Diagnostic.of(Code.CUSTOM_TAG, span(e), "the YAML tag `" + shown + "` is not supported in flow files")
          .label("tag")
          .help("remove the tag; values are typed by the stage's definition")
          .build());
    }
  }

  /** The {@code &name} of an anchored node, else the node's start: a block mapping's event spans lines. */
  private Span anchorSpan(Event e, Optional<Anchor> anchor) {
    Span node = span(e);
    if (anchor.isPresent()) {
      String written = "&" + anchor.get().getValue();
      int at = file.text().indexOf(written, node.start().offset());
      if (at >= 0 && at <= node.end().offset()) {
        return file.span(at, at + written.length());
      }
    }
    return node;
  }

  private Span span(Event e) {
    return YamlTreeReader.span(file, e.getStartMark(), e.getEndMark());
  }
}
