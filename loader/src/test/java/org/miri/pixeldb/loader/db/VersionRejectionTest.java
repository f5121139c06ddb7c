package org.miri.pixeldb.loader.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.miri.pixeldb.loader.db.ExposureTableTest.one;

import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.miri.pixeldb.loader.testdata.SyntheticProduct;
import org.miri.pixeldb.platform.kafka.ObjectOrigin;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.schemas.SourceObject;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersExtension;

/** Taking back a half-loaded version whose chunk contradicted it, on the real PostgreSQL. */
@ExtendWith(RealServersExtension.class)
class VersionRejectionTest {

    private final ChunkWriter<RawRampChunk> writer = ChunkWriter.rawRamps();

    @Test
    void aHalfLoadedVersionLeavesNoRowIsRefusedAndItsObjectRejected(RealServers servers) throws Exception {
        SyntheticProduct product = ChunkWriterTest.sub64("rejected-version", 31);
        try (Connection db = MigratedDatabase.connect(servers)) {
            new ExposureTable().upsert(db, product.exposure());
            db.setAutoCommit(false);
            writer.write(db, product.chunks(0, 2));
            db.commit();
            ProductVersion version = new ProductTable().find(db, product.name(), product.exposure().getProduct(),
                    product.checksum()).orElseThrow();
            ObjectOrigin origin = new VersionRejection().reject(db, version, "chunk 2 rejected: a test").orElseThrow();
            db.commit();
            SourceObject source = product.exposure().getSource();
            assertEquals(new ObjectOrigin(source.getBucket(), source.getKey(), source.getEtag()), origin);
            assertEquals("0/0/0", ChunkWriterTest.counts(db, product), "strips, refout strips, ledger");
            assertEquals("0", one(db, "select count(*) from exposure where name = '" + product.name() + "'"),
                    "an exposure left without products goes too");
            assertEquals("chunk 2 rejected: a test", one(db, "select reason from refused_version where exposure = '"
                    + product.name() + "'"));
            assertEquals("REJECTED chunk 2 rejected: a test", one(db, "select state || ' ' || reason from ingest_log "
                    + "where object_key = '" + source.getKey() + "'"));
        }
    }

    @Test
    void aLoadedVersionIsNotTakenBack(RealServers servers) throws Exception {
        SyntheticProduct product = ChunkWriterTest.sub64("loaded-version", 32);
        try (Connection db = MigratedDatabase.connect(servers)) {
            new ExposureTable().upsert(db, product.exposure());
            db.setAutoCommit(false);
            writer.write(db, product.chunks(0, product.chunkCount()));
            db.commit();
            ProductVersion version = new ProductTable().find(db, product.name(), product.exposure().getProduct(),
                    product.checksum()).orElseThrow();
            new VersionRejection().reject(db, version, "a stray bad copy of a chunk");
            db.commit();
            assertEquals("LOADED", one(db, "select p.state from product p join exposure e on e.id = p.exposure_id "
                    + "where e.name = '" + product.name() + "'"));
        }
    }
}
