package org.miri.pixeldb.exporter.part;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.miri.pixeldb.exporter.parquet.ExportColumn;
import org.miri.pixeldb.exporter.parquet.ExportLayout;
import org.miri.pixeldb.exporter.parquet.ParquetPartFile;
import org.miri.pixeldb.exporter.parquet.VoTable;
import org.miri.pixeldb.schemas.ExportPart;

/**
 * Writes one part of an export job as a Parquet file: the plain function behind the exporter service, with no Kafka
 * and no bucket (tested against a real PostgreSQL). Everything is read in one repeatable-read snapshot, so the
 * version check and the strips agree even while a writer replaces the product.
 */
public final class PartExport {

    /** The file's key-value metadata besides VOParquet's: the part as asked for, and the exposure's provenance. */
    public static final String PART_KEY = "pixeldb.export.part";
    public static final String PROVENANCE_KEY = "pixeldb.provenance";

    public record Written(long rows, long bytes) {
    }

    private final Path spillDir;
    private final String memoryLimit;
    private final int rowGroupRows;

    public PartExport(Path spillDir, String memoryLimit, int rowGroupRows) {
        this.spillDir = spillDir;
        this.memoryLimit = memoryLimit;
        this.rowGroupRows = rowGroupRows;
    }

    public Written write(Connection db, ExportPart part, Path file)
            throws SQLException, IOException, PartRefusedException {
        db.setAutoCommit(false);
        db.setReadOnly(true);
        db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            PartContext context = PartContext.of(db, part);
            List<ExportColumn> columns = ExportLayout.columns(part.getProduct());
            long rows;
            try (ParquetPartFile out = new ParquetPartFile(columns, context.ngroups(), spillDir, memoryLimit)) {
                rows(part).append(db, part, context, out);
                rows = out.write(file, rowGroupRows, context.constants(), metadata(part, context, columns));
            }
            return new Written(rows, Files.size(file));
        } finally {
            db.rollback();
        }
    }

    private static PartRows rows(ExportPart part) {
        return switch (part.getProduct()) {
            case RAW -> new RawRows(false);
            case REFOUT -> new RawRows(true);
            case RAMP -> new CorrectedRows();
            case RATEINTS, RATE, QUICKLOOK -> new SlopeRows();
        };
    }

    private static Map<String, String> metadata(ExportPart part, PartContext context, List<ExportColumn> columns) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(VoTable.VERSION_KEY, VoTable.VERSION);
        metadata.put(VoTable.CONTENT_KEY, VoTable.describe(part.getExposure() + "_" + part.getProduct(),
                "MIRI Pixel Database export: " + part.getProduct() + " of " + part.getExposure() + ", rows "
                        + part.getRowFirst() + "-" + part.getRowLast() + ", one row per ramp", columns));
        // Avro's JSON form of the part: job, product version, rows, columns, integrations and flag masks.
        metadata.put(PART_KEY, part.toString());
        metadata.put(PROVENANCE_KEY, context.provenance() == null ? "[]" : context.provenance());
        return metadata;
    }
}
