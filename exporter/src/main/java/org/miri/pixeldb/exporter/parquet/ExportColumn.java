package org.miri.pixeldb.exporter.parquet;

/**
 * One column of an export file, as the file types it and as its VOTable describes it (VOParquet).
 *
 * @param name        the Parquet column name
 * @param staged      the DuckDB type rows are appended as (the appender's Java types; {@code []} becomes the part's
 *                    fixed group count), or null for a value the whole part shares, given once when it is written
 * @param stored      the DuckDB type written to Parquet (the staged value is cast to it)
 * @param datatype    the VOTable datatype; arrays are lists of it
 * @param array       whether the column holds one value per group (a list)
 * @param unit        VOUnit, or null
 * @param ucd         IVOA UCD1+
 * @param description what it holds, for the reader
 */
public record ExportColumn(String name, String staged, String stored, String datatype, boolean array, String unit,
        String ucd, String description) {

    /** Whether every row of a part has the same value (exposure, detector, DATE-OBS), not appended row by row. */
    public boolean constant() {
        return staged == null;
    }

    /** The staging table's type: lists of one part all have its group count, and fixed arrays append twice as fast. */
    String stagedType(int ngroups) {
        return array ? staged.replace("[]", "[" + ngroups + "]") : staged;
    }

    /** The column as the Parquet file stores it, for the COPY's select list. */
    String selectExpression() {
        return staged.equals(stored) && !array ? name : name + "::" + stored + " as " + name;
    }
}
