package org.miri.pixeldb.api.fuzz;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Watches pg_stat_activity while a test runs: the longest time any active query of the API has been running, seen
 * every 10 ms from a session of its own.
 */
final class QueryWatch implements AutoCloseable {

    private static final String ACTIVE = "select coalesce(max(extract(epoch from clock_timestamp() - query_start)"
            + " * 1000), 0)::bigint, count(*) from pg_stat_activity where application_name = 'pixeldb-query-api'"
            + " and state = 'active' and pid <> pg_backend_pid()";

    private final Connection connection;
    private final PreparedStatement active;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong longestMillis = new AtomicLong();

    private QueryWatch(Connection connection) throws SQLException {
        this.connection = connection;
        this.active = connection.prepareStatement(ACTIVE);
    }

    static QueryWatch start(DataSource db) throws SQLException {
        QueryWatch watch = new QueryWatch(db.getConnection());
        watch.poller.scheduleWithFixedDelay(watch::look, 0, 10, TimeUnit.MILLISECONDS);
        return watch;
    }

    Duration longest() {
        return Duration.ofMillis(longestMillis.get());
    }

    /**
     * API queries still active two seconds after the last answer (a session ends its transaction just after the
     * client has read the last byte, so a moment of grace).
     */
    synchronized long stillRunning() throws SQLException, InterruptedException {
        poller.shutdown();
        long running = 0;
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ResultSet rs = active.executeQuery()) {
                rs.next();
                running = rs.getLong(2);
            }
            if (running == 0) {
                break;
            }
            Thread.sleep(100);
        }
        return running;
    }

    private synchronized void look() {
        try (ResultSet rs = active.executeQuery()) {
            rs.next();
            longestMillis.accumulateAndGet(rs.getLong(1), Math::max);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_activity", e);
        }
    }

    @Override
    public void close() throws Exception {
        poller.shutdownNow();
        poller.awaitTermination(5, TimeUnit.SECONDS);
        connection.close();
    }
}
