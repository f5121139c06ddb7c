package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * The {@code refused_version} table: product versions without a product row whose chunks still in Kafka must not
 * be stored: refused or removed ones, and those found identical to another object's loaded version.
 */
public final class RefusedVersions {

    private static final String SETTLE = "insert into refused_version (exposure, kind, checksum, reason, identical_to)"
            + " values (?, ?, ?, ?, ?) on conflict (exposure, kind, checksum) do update set reason = excluded.reason,"
            + " identical_to = excluded.identical_to, refused_at = now()";
    private static final String FORGET = "delete from refused_version where exposure = ? and kind = ? and checksum = ?";
    private static final String FIND = "select refused_at, reason, identical_to from refused_version"
            + " where exposure = ? and kind = ? and checksum = ?";

    public void refuse(Connection connection, String exposure, ProductKind kind, String checksum, String reason)
            throws SQLException {
        settle(connection, exposure, kind, checksum, reason, null);
    }

    /** The version equals the loaded version of the object {@code identicalTo}; its object was logged with the note. */
    public void identical(Connection connection, String exposure, ProductKind kind, String checksum, String note,
                          String identicalTo) throws SQLException {
        settle(connection, exposure, kind, checksum, note, identicalTo);
    }

    private static void settle(Connection connection, String exposure, ProductKind kind, String checksum, String reason,
                               String identicalTo) throws SQLException {
        try (PreparedStatement settle = connection.prepareStatement(SETTLE)) {
            settle.setString(1, exposure);
            settle.setString(2, kind.name());
            settle.setString(3, checksum);
            settle.setString(4, reason);
            settle.setString(5, identicalTo);
            settle.executeUpdate();
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

    /** When the version was last refused, removed or found identical; empty when it is none of these. */
    public Optional<Instant> refusedAt(Connection connection, String exposure, ProductKind kind, String checksum)
            throws SQLException {
        return find(connection, exposure, kind, checksum).map(SettledVersion::at);
    }

    public Optional<SettledVersion> find(Connection connection, String exposure, ProductKind kind, String checksum)
            throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, exposure);
            find.setString(2, kind.name());
            find.setString(3, checksum);
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(new SettledVersion(row.getObject(1, OffsetDateTime.class).toInstant(),
                        row.getString(2), row.getString(3))) : Optional.empty();
            }
        }
    }
}
