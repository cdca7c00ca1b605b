package dev.lrlab.classroom;

/**
 * Tells the pages of a class that it changed. An event carries only the class code and the new
 * version: a listener re-reads the class (through {@link ClassroomService#stateAtLeast}), so a
 * duplicated, late or out-of-order event costs a read and changes nothing. This is the seam for
 * several nodes: the in-JVM implementation serves one node, a PostgreSQL LISTEN/NOTIFY one can
 * take its place by configuration without any caller changing.
 */
public interface RoomEvents extends AutoCloseable {

    /** Announces that class {@code code} is now at {@code version}; never blocks on listeners. */
    void publish(String code, long version);

    /** Calls {@code listener} for every later event of class {@code code} until the subscription is closed. */
    Subscription subscribe(String code, Listener listener);

    @FunctionalInterface
    interface Listener {
        /** Runs on the events' own thread: it must not block (UIs hand over with {@code ui.access}). */
        void changed(String code, long version);
    }

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    default void close() {
    }
}
