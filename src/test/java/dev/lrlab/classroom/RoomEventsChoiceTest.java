package dev.lrlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which room events a node gets from {@code lrlab.classes.events} and its datasource. */
class RoomEventsChoiceTest {
    static final String H2 = "jdbc:h2:mem:choice";
    final ClassroomTestDb db = new ClassroomTestDb();
    final ClassroomConfig config = new ClassroomConfig();

    RoomEvents choose(String url, String mode) {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", url);
        if (mode != null) {
            env.setProperty("lrlab.classes.events", mode);
        }
        return config.roomEvents(env, db.dataSource, new ClassStore(db.dataSource));
    }

    @Test
    void h2StaysInTheJvmUnlessPostgresIsDemanded() {
        assertThat(choose(H2, null)).isInstanceOf(InJvmRoomEvents.class);
        assertThat(choose(H2, "auto")).isInstanceOf(InJvmRoomEvents.class);
        assertThat(choose(H2, "local")).isInstanceOf(InJvmRoomEvents.class);
        assertThatThrownBy(() -> choose(H2, "postgres")).hasMessageContaining("needs a PostgreSQL datasource");
    }

    @Test
    void postgresCanBeKeptLocalAndNonsenseIsRefused() {
        assertThat(choose("jdbc:postgresql://127.0.0.1:1/none", "local")).isInstanceOf(InJvmRoomEvents.class);
        assertThatThrownBy(() -> choose(H2, "redis")).hasMessageContaining("must be auto, local or postgres");
    }

    @Test
    void postgresDatasourceMeansListenNotify() {
        // nothing listens on port 1: the node starts anyway and keeps retrying in the background
        try (RoomEvents events = choose("jdbc:postgresql://127.0.0.1:1/none?password=x", null)) {
            assertThat(events).isInstanceOf(PgRoomEvents.class);
            assertThat(((PgRoomEvents) events).listening()).isFalse();
        }
    }
}
