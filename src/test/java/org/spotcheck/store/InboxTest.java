package org.spotcheck.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spotcheck.MutableClock;

/** The durable inbox: nothing in it names anyone, a row it cannot read is set aside, its batch is durable. */
class InboxTest {

    private static final String CALLBACK_ID = "1234567890123456789";
    private static final long CHAT = 5_123_456_789L;

    @RegisterExtension
    final TempDatabase store = new TempDatabase("inbox-test-secret-0123456789");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:17:43Z"));

    private Inbox inbox(Secret under) {
        return new Inbox(store.database(), new Sealer(under), new LegacyKeys(store.database(), under), clock);
    }

    private Inbox.Entry tap(int updateId) {
        return new Inbox.Entry(updateId, CHAT, "key", "tap|begin|||en", Optional.of(CALLBACK_ID));
    }

    @Test
    void aTapComesBackWithItsCallbackIdWhichTheFileNeverHoldsInClear() throws Exception {
        inbox(store.secret()).accept(List.of(tap(7)), 7);

        var back = inbox(store.secret()).pending();
        store.database().close();
        var bytes = new String(Files.readAllBytes(store.file()), StandardCharsets.ISO_8859_1)
                + (Files.exists(store.dir().resolve("spotcheck.db-wal"))
                ? new String(Files.readAllBytes(store.dir().resolve("spotcheck.db-wal")), StandardCharsets.ISO_8859_1) : "");

        assertThat(back).containsExactly(tap(7));
        assertThat(bytes).doesNotContain(CALLBACK_ID).doesNotContain(Long.toString(CHAT));
    }

    @Test
    void theReceivedTimeIsKeptToTheHour() {
        inbox(store.secret()).accept(List.of(tap(7)), 7);

        long received = store.database().inTransaction(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT received_at FROM inbox")) {
                return rs.getLong(1);
            }
        });
        assertThat(Instant.ofEpochSecond(received)).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void aRowThatCannotBeOpenedIsSetAsideAndTheOthersAreStillHandled() {
        inbox(store.secret("a-secret-from-some-other-time")).accept(List.of(tap(7)), 7);
        inbox(store.secret()).accept(List.of(tap(8)), 8);

        var first = inbox(store.secret()).pending();
        var second = inbox(store.secret()).pending();

        assertThat(first).containsExactly(tap(8));
        assertThat(second).containsExactly(tap(8));
        int rows = store.database().inTransaction(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM inbox")) {
                return rs.getInt(1);
            }
        });
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void theBatchConfirmedToTelegramIsCommittedWithFullSynchronousWrites() {
        int durable = store.database().inDurableTransaction(c -> synchronous(c));
        int ordinary = store.database().inTransaction(c -> synchronous(c));

        assertThat(List.of(durable, ordinary)).containsExactly(2, 1); // FULL, NORMAL
    }

    private static int synchronous(java.sql.Connection c) throws java.sql.SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA synchronous")) {
            return rs.getInt(1);
        }
    }
}
