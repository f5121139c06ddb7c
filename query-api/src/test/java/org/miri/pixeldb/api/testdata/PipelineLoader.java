package org.miri.pixeldb.api.testdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.miri.pixeldb.fits.ProductFile;
import org.miri.pixeldb.fits.ProductReader;
import org.miri.pixeldb.fits.chunk.CorrectedRampChunker;
import org.miri.pixeldb.fits.chunk.RawRampChunker;
import org.miri.pixeldb.fits.chunk.SlopeChunker;
import org.miri.pixeldb.fits.jwst.ExposureMapper;
import org.miri.pixeldb.fits.structure.FileChecksum;
import org.miri.pixeldb.loader.db.ChunkWriter;
import org.miri.pixeldb.loader.db.ExposureTable;
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.schemas.SlopeChunk;
import org.miri.pixeldb.schemas.SourceObject;

/**
 * Fills the test database the way the pipeline does, minus Kafka (decision 0008): the splitter's own reading code
 * turns a FITS file into its Exposure record and chunks, and the writers' own database code stores them in one
 * transaction. The object key decides the exposure name, so one file can be loaded under several names.
 */
public final class PipelineLoader {

    private PipelineLoader() {
    }

    public static void load(DataSource dataSource, Path file, String objectKey) throws Exception {
        String checksum = FileChecksum.sha256(file);
        try (Connection db = dataSource.getConnection(); ProductFile product = ProductReader.open(file, objectKey)) {
            String name = product.descriptor().name();
            if (loaded(db, name, product.descriptor().product().name(), checksum)) {
                return;
            }
            SourceObject source = new SourceObject("test-bucket", objectKey, null, Files.size(file), null);
            Exposure exposure = ExposureMapper.toAvro(product.descriptor(), source, checksum, Instant.now());
            db.setAutoCommit(false);
            try {
                new ExposureTable().upsert(db, exposure);
                switch (product.descriptor().product()) {
                    case RAW -> {
                        List<RawRampChunk> chunks = new ArrayList<>();
                        new RawRampChunker().chunks(product.raw(), name, checksum, chunks::add);
                        ChunkWriter.rawRamps().write(db, chunks);
                    }
                    case RAMP -> {
                        List<CorrectedRampChunk> chunks = new ArrayList<>();
                        new CorrectedRampChunker().chunks(product.corrected(), name, checksum, chunks::add);
                        ChunkWriter.correctedRamps().write(db, chunks);
                    }
                    case RATEINTS, RATE -> {
                        List<SlopeChunk> chunks = new ArrayList<>();
                        new SlopeChunker().chunks(product.slopes(), name, checksum, chunks::add);
                        ChunkWriter.slopes().write(db, chunks);
                    }
                }
                db.commit();
            } catch (Exception e) {
                db.rollback();
                throw e;
            }
        }
    }

    private static boolean loaded(Connection db, String exposure, String kind, String checksum) throws Exception {
        try (PreparedStatement query = db.prepareStatement("select count(*) from product p join exposure e"
                + " on e.id = p.exposure_id where e.name = ? and p.kind = ? and p.checksum = ? and p.state = 'LOADED'")) {
            query.setString(1, exposure);
            query.setString(2, kind);
            query.setString(3, checksum);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
