package io.flowascode.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.events.StreamStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Copies of parser events whose marks keep their position (index, line, column) but not the
 * reader's window of code points. A parser's mark refers to the window it was read from, so
 * keeping the events of a large file kept every window (four bytes per character): a 30 MB file
 * then needed more than 256 MB. Nothing here reads a mark's snippet; diagnostics are built from the
 * source text.
 */
final class DetachedEvents {
  private static final int[] NO_TEXT = new int[0];

  private DetachedEvents() {}

  static Event of(Event e) {
    Optional<Mark> start = detach(e.getStartMark());
    Optional<Mark> end = detach(e.getEndMark());
    if (e instanceof ScalarEvent s) {
      return new ScalarEvent(s.getAnchor(), s.getTag(), s.getImplicit(), s.getValue(), s.getScalarStyle(), start, end);
    }
    if (e instanceof MappingStartEvent m) {
      return new MappingStartEvent(m.getAnchor(), m.getTag(), m.isImplicit(), m.getFlowStyle(), start, end);
    }
    if (e instanceof SequenceStartEvent q) {
      return new SequenceStartEvent(q.getAnchor(), q.getTag(), q.isImplicit(), q.getFlowStyle(), start, end);
    }
    if (e instanceof AliasEvent a) {
      return new AliasEvent(a.getAnchor(), start, end);
    }
    if (e instanceof MappingEndEvent) {
      return new MappingEndEvent(start, end);
    }
    if (e instanceof SequenceEndEvent) {
      return new SequenceEndEvent(start, end);
    }
    if (e instanceof DocumentStartEvent d) {
      return new DocumentStartEvent(d.isExplicit(), d.getSpecVersion(), d.getTags(), start, end);
    }
    if (e instanceof DocumentEndEvent d) {
      return new DocumentEndEvent(d.isExplicit(), start, end);
    }
    if (e instanceof StreamStartEvent) {
      return new StreamStartEvent(start, end);
    }
    if (e instanceof StreamEndEvent) {
      return new StreamEndEvent(start, end);
    }
    return e;
  }

  private static Optional<Mark> detach(Optional<Mark> mark) {
    return mark.map(m -> new Mark(m.getName(), m.getIndex(), m.getLine(), m.getColumn(), NO_TEXT, 0));
  }
}
