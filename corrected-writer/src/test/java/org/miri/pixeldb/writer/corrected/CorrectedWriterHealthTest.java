package org.miri.pixeldb.writer.corrected;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.testing.RealServersTestResource;
import org.miri.pixeldb.testing.WriterServiceContract;

/** The writers' contract (health, session names, the login's rights) for corrected-writer, and the tables it loads. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class CorrectedWriterHealthTest extends WriterServiceContract {

    @Override
    protected String service() {
        return "corrected-writer";
    }

    /** Its login sees the corrected tables (information_schema lists only tables a role has rights on). */
    @Test
    void seesTheCorrectedTablesOfTheMigratedSchema() throws Exception {
        try (Connection db = dataSource.getConnection();
             ResultSet rows = db.createStatement().executeQuery("select table_name::text from information_schema.tables"
                     + " where table_name in ('corrected_ramp_strip', 'corrected_refout_strip', 'pixeldq_strip',"
                     + " 'slope_strip', 'dq_flag') order by 1")) {
            List<String> tables = new ArrayList<>();
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
            assertEquals(List.of("corrected_ramp_strip", "corrected_refout_strip", "dq_flag", "pixeldq_strip",
                    "slope_strip"), tables);
        }
    }
}
