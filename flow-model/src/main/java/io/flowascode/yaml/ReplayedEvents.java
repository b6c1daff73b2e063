package io.flowascode.yaml;

import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A parser that hands out events parsed before, in order, letting each go once given so the
 * events and the node graph built from them are not both held whole.
 */
final class ReplayedEvents implements Parser {
  private final ArrayDeque<Event> events;

  ReplayedEvents(ArrayDeque<Event> events) {
    this.events = events;
  }

  /** How many events are left. */
  int size() {
    return events.size();
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    Event next = events.peek();
    return next != null && next.getEventId() == id;
  }

  @Override
  public Event peekEvent() {
    Event next = events.peek();
    if (next == null) {
      throw new NoSuchElementException("no more events");
    }
    return next;
  }

  @Override
  public boolean hasNext() {
    return !events.isEmpty();
  }

  @Override
  public Event next() {
    Event next = events.poll();
    if (next == null) {
      throw new NoSuchElementException("no more events");
    }
    return next;
  }
}
