package org.miri.pixeldb.exporter.parquet;

import java.util.ArrayList;
import java.util.List;
import org.miri.pixeldb.schemas.ExportProduct;

/**
 * The columns of an export file, one row per ramp (issue 16): where the ramp is, then what the product holds. Types
 * follow the FITS files: raw samples uint16, corrected values and slopes float32, GROUPDQ uint8, PIXELDQ and DQ uint32.
 */
public final class ExportLayout {

    private static final List<ExportColumn> KEYS = List.of(
            new ExportColumn("exposure", null, "VARCHAR", "char", false, null, "meta.id;obs",
                    "Exposure name"),
            new ExportColumn("detector", null, "VARCHAR", "char", false, null, "meta.id;instr.det",
                    "MIRI detector: MIRIMAGE, MIRIFULONG or MIRIFUSHORT"),
            new ExportColumn("date_obs", null, "TIMESTAMPTZ", "char", false, null, "time.start;obs.exposure",
                    "Start of the exposure (DATE-OBS with TIME-OBS), UTC"),
            new ExportColumn("integration", "SMALLINT", "SMALLINT", "short", false, null, "meta.number",
                    "Integration, 1-based; null for RATE (one plane for the whole exposure)"),
            new ExportColumn("row", "SMALLINT", "SMALLINT", "short", false, "pix", "pos.cartesian.y;instr.det",
                    "Full-frame detector row, 1-based (1..1024)"),
            new ExportColumn("col", "SMALLINT", "SMALLINT", "short", false, "pix", "pos.cartesian.x;instr.det",
                    "Full-frame detector column, 1-based (1..1032); for REFOUT the reference-output column (1..258)"),
            new ExportColumn("pixel_id", "INTEGER", "INTEGER", "int", false, null, "meta.id;instr.pixel",
                    "The prototype's pixel number, (row - 1) * 1032 + col; null for REFOUT"));

    private ExportLayout() {
    }

    public static List<ExportColumn> columns(ExportProduct product) {
        List<ExportColumn> columns = new ArrayList<>(KEYS);
        switch (product) {
            case RAW -> columns.add(samples("Raw science ramp: the SCI samples of every group"));
            case REFOUT -> columns.add(samples("Raw reference-output ramp: the REFOUT samples of every group"));
            case RAMP -> {
                columns.add(floats("sci", "DN", "phot.count", "Corrected ramp: SCI of every group"));
                columns.add(floats("err", "DN", "stat.error;phot.count",
                        "ERR of every group; null when the file had no ERR array"));
                columns.add(new ExportColumn("groupdq", "USMALLINT[]", "UTINYINT[]", "unsignedByte", true, null,
                        "meta.code.qual", "GROUPDQ of every group (JWST DQ bits, see /api/v1/flags)"));
                columns.add(uint32("pixeldq", "PIXELDQ of the pixel (JWST DQ bits, see /api/v1/flags)"));
            }
            case RATEINTS, RATE, QUICKLOOK -> {
                columns.add(slope("sci", "DN/s", "phot.count;arith.rate", "Slope of the ramp"));
                columns.add(slope("err", "DN/s", "stat.error;phot.count;arith.rate", "ERR of the slope"));
                columns.add(slope("var_poisson", "DN2/s2", "stat.variance", "Poisson variance of the slope"));
                columns.add(slope("var_rnoise", "DN2/s2", "stat.variance", "Read-noise variance of the slope"));
                columns.add(uint32("dq", "DQ of the slope (JWST DQ bits, see /api/v1/flags)"));
            }
            default -> throw new IllegalArgumentException("no layout for " + product);
        }
        return List.copyOf(columns);
    }

    private static ExportColumn samples(String description) {
        // VOTable has no unsigned 16-bit type: int holds every value.
        return new ExportColumn("samples", "USMALLINT[]", "USMALLINT[]", "int", true, "DN", "phot.count", description);
    }

    private static ExportColumn floats(String name, String unit, String ucd, String description) {
        return new ExportColumn(name, "FLOAT[]", "FLOAT[]", "float", true, unit, ucd, description);
    }

    private static ExportColumn slope(String name, String unit, String ucd, String description) {
        return new ExportColumn(name, "FLOAT", "FLOAT", "float", false, unit, ucd, description);
    }

    private static ExportColumn uint32(String name, String description) {
        return new ExportColumn(name, "BIGINT", "UINTEGER", "long", false, null, "meta.code.qual", description);
    }
}
