package org.miri.pixeldb.api.detector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.miri.pixeldb.api.error.ApiException;

/** Reads the detector table. */
@ApplicationScoped
public class DetectorRepository {

    private static final String ALL = "select sca_id, name, description from detector order by sca_id";

    @Inject
    DataSource dataSource;

    private volatile List<Detector> known;

    /** The detector named by MIRI name (any case) or SCA_ID; 400 naming the parameter for anything else. */
    public Detector resolve(String parameter, String value) throws SQLException {
        List<Detector> detectors = known;
        if (detectors == null) {
            detectors = all();
            known = detectors;
        }
        String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        return detectors.stream()
                .filter(d -> d.name().equals(wanted) || String.valueOf(d.scaId()).equals(wanted)).findFirst()
                .orElseThrow(() -> ApiException.badRequest(parameter, "unknown detector; use one of "
                        + known.stream().map(d -> d.name() + " (" + d.scaId() + ")").toList()));
    }

    public List<Detector> all() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(ALL)) {
            List<Detector> detectors = new ArrayList<>();
            while (rows.next()) {
                detectors.add(new Detector(rows.getInt(1), rows.getString(2), rows.getString(3)));
            }
            return detectors;
        }
    }
}
