package org.miri.pixeldb.loader.kafka;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A DataSource whose connections keep what a transaction staged only once it commits, so that a test can tell what
 * is stored from what was merely applied. Commits can be made to fail as a lost connection does (SQLSTATE 08006,
 * transient for {@link TransientFailures}).
 */
final class FakeDatabase {

    private final Events events;
    private final List<String> stored = new ArrayList<>();
    private final Set<Integer> failingCommits = new HashSet<>();
    private boolean failRollbacks;
    private boolean failCloses;
    private int commitAttempts;
    private int open;

    FakeDatabase(Events events) {
        this.events = events;
    }

    /** The n-th commit attempt (from 1) fails: the server went away at that moment. */
    synchronized FakeDatabase failCommit(int attempt) {
        failingCommits.add(attempt);
        return this;
    }

    synchronized FakeDatabase failRollbacks() {
        failRollbacks = true;
        return this;
    }

    /** Every close fails (a pool whose connection reset fails), though the connection is given back. */
    synchronized FakeDatabase failCloses() {
        failCloses = true;
        return this;
    }

    synchronized List<String> stored() {
        return List.copyOf(stored);
    }

    /** Connections not closed: the loop must give every one back whatever happened in its transaction. */
    synchronized int open() {
        return open;
    }

    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && args == null) {
                        return connect();
                    }
                    throw new UnsupportedOperationException("DataSource." + method.getName());
                });
    }

    private synchronized Connection connect() {
        open++;
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                new Tx());
    }

    /** One connection's transaction; the fake handler stages record ids in it through {@code unwrap}. */
    final class Tx implements InvocationHandler {

        private final List<String> staged = new ArrayList<>();

        void stage(String id) {
            staged.add(id);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            synchronized (FakeDatabase.this) {
                switch (method.getName()) {
                    case "setAutoCommit" -> events.add((Boolean) args[0] ? "db autocommit" : "db begin");
                    case "commit" -> commit();
                    case "rollback" -> rollback();
                    case "close" -> close();
                    case "unwrap" -> {
                        return this;
                    }
                    case "hashCode" -> {
                        return System.identityHashCode(proxy);
                    }
                    case "equals" -> {
                        return proxy == args[0];
                    }
                    case "toString" -> {
                        return "fake connection";
                    }
                    // Anything else the loop called would be a contract this fake does not know: fail loudly.
                    default -> throw new UnsupportedOperationException("Connection." + method.getName());
                }
                return null;
            }
        }

        private void commit() throws SQLException {
            if (failingCommits.contains(++commitAttempts)) {
                events.add("db commit failed");
                throw new SQLException("An I/O error occurred while sending to the backend", "08006");
            }
            events.add("db commit");
            stored.addAll(staged);
            staged.clear();
        }

        private void close() throws SQLException {
            open--;
            if (failCloses) {
                events.add("db close failed");
                throw new SQLException("close failed", "XX000");
            }
        }

        private void rollback() throws SQLException {
            staged.clear();
            if (failRollbacks) {
                events.add("db rollback failed");
                throw new SQLException("This connection has been closed", "08003");
            }
            events.add("db rollback");
        }
    }
}
