package org.miri.pixeldb.writer.raw;

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

/** The writers' contract (health, session names, the login's rights) for ramp-writer, and the tables it reads. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class RampWriterHealthTest extends WriterServiceContract {

    @Override
    protected String service() {
        return "ramp-writer";
    }

    @Test
    void readsTheDetectorsOfTheMigratedSchema() throws Exception {
        try (Connection db = dataSource.getConnection();
             ResultSet rows = db.createStatement().executeQuery("select sca_id, name from detector order by sca_id")) {
            List<String> detectors = new ArrayList<>();
            while (rows.next()) {
                detectors.add(rows.getInt(1) + " " + rows.getString(2));
            }
            assertEquals(List.of("493 MIRIMAGE", "494 MIRIFULONG", "495 MIRIFUSHORT"), detectors);
        }
    }
}
