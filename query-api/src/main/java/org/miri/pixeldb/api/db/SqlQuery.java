package org.miri.pixeldb.api.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL text with its bind values, built by the repositories' query builders and run as one prepared statement. */
public final class SqlQuery {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    public SqlQuery append(String text, Object... bound) {
        sql.append(text);
        values.addAll(List.of(bound));
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public List<Object> values() {
        return List.copyOf(values);
    }

    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof java.time.Instant instant) {
                statement.setObject(i + 1, instant.atOffset(java.time.ZoneOffset.UTC));
            } else if (value instanceof Integer[] ints) {
                statement.setArray(i + 1, connection.createArrayOf("integer", ints));
            } else if (value instanceof String[] texts) {
                statement.setArray(i + 1, connection.createArrayOf("text", texts));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
