package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.miri.pixeldb.schemas.ProductKind;

/** The {@code refused_version} table: product versions whose chunks still in Kafka must be dropped. */
public final class RefusedVersions {

    private static final String REFUSE = "insert into refused_version (exposure, kind, checksum, reason) values (?, ?, ?, ?)"
            + " on conflict (exposure, kind, checksum) do update set reason = excluded.reason, refused_at = now()";
    private static final String FORGET = "delete from refused_version where exposure = ? and kind = ? and checksum = ?";
    private static final String FIND = "select refused_at from refused_version where exposure = ? and kind = ? and checksum = ?";

    public void refuse(Connection connection, String exposure, ProductKind kind, String checksum, String reason)
            throws SQLException {
        try (PreparedStatement refuse = connection.prepareStatement(REFUSE)) {
            refuse.setString(1, exposure);
            refuse.setString(2, kind.name());
            refuse.setString(3, checksum);
            refuse.setString(4, reason);
            refuse.executeUpdate();
        }
    }

    /** The version is registered again: its chunks are awaited, not dropped. */
    public void forget(Connection connection, String exposure, ProductKind kind, String checksum) throws SQLException {
        try (PreparedStatement forget = connection.prepareStatement(FORGET)) {
            forget.setString(1, exposure);
            forget.setString(2, kind.name());
            forget.setString(3, checksum);
            forget.executeUpdate();
        }
    }

    /** When the version was last refused or removed; empty when it is not refused. */
    public Optional<Instant> refusedAt(Connection connection, String exposure, ProductKind kind, String checksum)
            throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, exposure);
            find.setString(2, kind.name());
            find.setString(3, checksum);
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
            }
        }
    }
}
