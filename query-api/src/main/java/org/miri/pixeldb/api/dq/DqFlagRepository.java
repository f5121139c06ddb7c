package org.miri.pixeldb.api.dq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Reads the flag tables once: they change only with a migration, which restarts the service. */
@ApplicationScoped
public class DqFlagRepository {

    private static final String FLAGS = "select bit_index, name, null from dq_flag"
            + " union all select bit_index, null, alias from dq_flag_alias";

    @Inject
    DataSource dataSource;

    private volatile DqCatalog catalog;

    public DqCatalog catalog() throws SQLException {
        DqCatalog known = catalog;
        if (known == null) {
            known = load();
            catalog = known;
        }
        return known;
    }

    private DqCatalog load() throws SQLException {
        String[] names = new String[32];
        Map<String, Integer> byName = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(FLAGS)) {
            while (rows.next()) {
                int bit = rows.getInt(1);
                String name = rows.getString(2);
                if (name != null) {
                    names[bit] = name;
                }
                byName.put(name != null ? name : rows.getString(3), bit);
            }
        }
        return new DqCatalog(names, Map.copyOf(byName));
    }
}
