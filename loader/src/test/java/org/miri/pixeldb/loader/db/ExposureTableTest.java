package org.miri.pixeldb.loader.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.miri.pixeldb.loader.testdata.SyntheticProduct;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.SourceObject;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersExtension;

@ExtendWith(RealServersExtension.class)
class ExposureTableTest {

    private final ExposureTable exposures = new ExposureTable();

    @Test
    void sameRecordTwiceIsOneExposureAndOneProduct(RealServers servers) throws Exception {
        Exposure exposure = SyntheticProduct.sub256("exp-table-same", 1).exposure();
        try (Connection db = MigratedDatabase.connect(servers)) {
            int id = exposures.upsert(db, exposure);
            assertEquals(id, exposures.upsert(db, exposure));
            assertEquals("1", one(db, "select count(*) from product where exposure_id = " + id));
            assertEquals("MIRIMAGE 413 256 FASTR1 5 20 FLIGHT t null",
                    one(db, "select concat_ws(' ', d.name, substrt1, subsize1, readpatt, nints, ngroups, origin,"
                            + " date_obs = '2026-11-20T10:15:30.123456Z', coalesce(date_end::text, 'null')) from exposure e"
                            + " join detector d using (sca_id) where id = " + id));
        }
    }

    @Test
    void everyHeaderCardIsKeptInOrderWithRepeatedKeywords(RealServers servers) throws Exception {
        try (Connection db = MigratedDatabase.connect(servers)) {
            int id = exposures.upsert(db, SyntheticProduct.sub256("exp-table-header", 2).exposure());
            String header = "(select header from product where exposure_id = " + id + ")";
            assertEquals("5", one(db, "select jsonb_array_length(" + header + ")"));
            assertEquals("second history card", one(db, "select " + header + " -> 4 ->> 'comment'"));
            assertEquals("MIRIMAGE", one(db, "select " + header + " -> 1 ->> 'value'"));
            assertEquals("t", one(db, "select " + header + " @> '[{\"keyword\": \"SIMPLE\", \"value\": \"T\"}]'"));
        }
    }

    @Test
    void anotherVersionOfTheSameProductLoadsBesideTheFirst(RealServers servers) throws Exception {
        Exposure first = SyntheticProduct.sub256("exp-table-version", 3).exposure();
        Exposure changed = Exposure.newBuilder(first).setProductChecksum("ab".repeat(32)).build();
        try (Connection db = MigratedDatabase.connect(servers)) {
            int id = exposures.upsert(db, first);
            assertEquals(id, exposures.upsert(db, changed));
            assertEquals(id, exposures.upsert(db, changed), "the same version again changes nothing");
            assertEquals("LOADING,LOADING", one(db, "select string_agg(state, ',') from product where exposure_id = " + id));
        }
    }

    @Test
    void theSameProductFromAnotherObjectRegistersBesideItToBeCompared(RealServers servers) throws Exception {
        Exposure first = SyntheticProduct.sub256("exp-table-other-object", 6).exposure();
        Exposure other = Exposure.newBuilder(first).setProductChecksum("ef".repeat(32))
                .setSource(SourceObject.newBuilder(first.getSource()).setKey("elsewhere/other_pipe.fits").build()).build();
        try (Connection db = MigratedDatabase.connect(servers)) {
            int id = exposures.upsert(db, first);
            assertEquals(id, exposures.upsert(db, other));
            assertEquals("elsewhere/other_pipe.fits LOADING,exp-table-other-object_uncal.fits LOADING", one(db,
                    "select string_agg(source_key || ' ' || state, ',' order by source_key) from product where exposure_id = "
                    + id));
        }
    }

    @Test
    void anotherProductKindJoinsTheSameExposure(RealServers servers) throws Exception {
        Exposure raw = SyntheticProduct.sub256("exp-table-kinds", 4).exposure();
        Exposure ramp = Exposure.newBuilder(raw).setProduct(ProductKind.RAMP).setProductChecksum("cd".repeat(32)).build();
        try (Connection db = MigratedDatabase.connect(servers)) {
            int id = exposures.upsert(db, raw);
            assertEquals(id, exposures.upsert(db, ramp));
            assertEquals("RAMP,RAW", one(db, "select string_agg(kind, ',' order by kind) from product where exposure_id = " + id));
        }
    }

    @Test
    void aProductDescribingTheExposureDifferentlyIsRefused(RealServers servers) throws Exception {
        Exposure raw = SyntheticProduct.sub256("exp-table-shape", 5).exposure();
        Exposure other = Exposure.newBuilder(raw).setProduct(ProductKind.RAMP).setNgroups(19).build();
        try (Connection db = MigratedDatabase.connect(servers)) {
            exposures.upsert(db, raw);
            ExposureConflictException e = assertThrows(ExposureConflictException.class, () -> exposures.upsert(db, other));
            assertTrue(e.getMessage().contains("NGROUPS 19, not 20"), e.getMessage());
        }
    }

    @Test
    void placeholderDatesStayUnknown(RealServers servers) throws Exception {
        Exposure noDate = Exposure.newBuilder(SyntheticProduct.sub256("exp-table-nodate", 6).exposure())
                .setDateObs(null).build();
        try (Connection db = MigratedDatabase.connect(servers)) {
            int id = exposures.upsert(db, noDate);
            assertNull(one(db, "select date_obs from exposure where id = " + id));
        }
    }

    static String one(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
