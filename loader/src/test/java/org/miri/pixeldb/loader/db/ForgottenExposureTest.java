package org.miri.pixeldb.loader.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.miri.pixeldb.loader.db.ExposureTableTest.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.miri.pixeldb.loader.testdata.SyntheticProduct;
import org.miri.pixeldb.platform.db.DatabaseLogin;
import org.miri.pixeldb.platform.db.ForgottenExposure;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersExtension;

/** Migration V17: what the triggers on exposure did is done by forget_exposure, in the deleting transaction. */
@ExtendWith(RealServersExtension.class)
class ForgottenExposureTest {

    private final RefusedVersions refused = new RefusedVersions();

    @Test
    void exposureHasNoTriggerLeftAndOnlyTheWritingRolesMayForget(RealServers servers) throws Exception {
        try (Connection db = MigratedDatabase.connect(servers)) {
            assertEquals("0", one(db, "select count(*) from pg_trigger where tgrelid = 'exposure'::regclass"
                    + " and not tgisinternal"));
            assertEquals("t f t f", one(db, "select concat_ws(' ',"
                    + privilege(DatabaseLogin.LOADER) + ", " + privilege(DatabaseLogin.API) + ", "
                    + privilege(DatabaseLogin.API_WRITER) + ", has_function_privilege('public',"
                    + " 'forget_exposure(text)', 'execute'))"));
        }
    }

    @Test
    void aDeletedExposureLosesItsRefusedVersionsAndItsDeletionIsTimed(RealServers servers) throws Exception {
        try (Connection db = MigratedDatabase.connect(servers)) {
            String name = exposureWithARefusedVersion(db, "forgotten-exposure", 41);
            assertEquals(List.of(name), ForgottenExposure.deleteWhere(db, "e.name = ?", name));
            assertEquals("0 t", one(db, "select concat_ws(' ', (select count(*) from refused_version where exposure = '"
                    + name + "'), (select deleted_at = now() from ingest_status_deletion where exposure_name = '"
                    + name + "'))"), "refused versions, deletion timed in the deleting transaction");
            db.commit();
        }
    }

    @Test
    void aLiveExposureIsNotForgotten(RealServers servers) throws Exception {
        try (Connection db = MigratedDatabase.connect(servers)) {
            String name = exposureWithARefusedVersion(db, "live-exposure", 42);
            db.commit();
            // SQL by hand that calls the function without deleting first.
            SQLException error = assertThrows(SQLException.class,
                    () -> one(db, "select forget_exposure('" + name + "')"));
            assertEquals("55006", error.getSQLState());
            assertEquals("ERROR: exposure " + name + " still exists: delete it first, in the same transaction",
                    error.getMessage().lines().findFirst().orElseThrow());
            db.rollback();
            assertEquals("1 0", one(db, "select concat_ws(' ', (select count(*) from refused_version where exposure = '"
                    + name + "'), (select count(*) from ingest_status_deletion where exposure_name = '" + name + "'))"));
            db.commit();
        }
    }

    /** Leaves the transaction open (auto-commit off); returns the exposure's name. */
    private String exposureWithARefusedVersion(Connection db, String name, long seed) throws Exception {
        SyntheticProduct product = ChunkWriterTest.sub64(name, seed);
        new ExposureTable().upsert(db, product.exposure());
        db.setAutoCommit(false);
        refused.refuse(db, product.name(), product.exposure().getProduct(), product.checksum(), "a test");
        return product.name();
    }

    private static String privilege(DatabaseLogin login) {
        return "has_function_privilege('" + login.role() + "', 'forget_exposure(text)', 'execute')";
    }
}
