package org.miri.pixeldb.api.detector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the detector table (resolving a detector parameter needs no table: {@link DetectorParameter}). */
@ApplicationScoped
public class DetectorRepository {

    private static final String ALL = "select sca_id, name, description from detector order by sca_id";

    @Inject
    DataSource dataSource;

    public List<DetectorEntry> all() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(ALL)) {
            List<DetectorEntry> detectors = new ArrayList<>();
            while (rows.next()) {
                detectors.add(new DetectorEntry(rows.getInt(1), rows.getString(2), rows.getString(3)));
            }
            return detectors;
        }
    }
}
