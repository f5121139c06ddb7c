package org.miri.pixeldb.exporter.parquet;

/**
 * One column of an export file, as the file types it and as its VOTable describes it (VOParquet).
 *
 * @param name        the Parquet column name
 * @param staged      the DuckDB type rows are appended as (the appender's Java types)
 * @param stored      the DuckDB type written to Parquet (the staged value is cast to it)
 * @param datatype    the VOTable datatype; arrays are lists of it
 * @param array       whether the column holds one value per group (a list)
 * @param unit        VOUnit, or null
 * @param ucd         IVOA UCD1+
 * @param description what it holds, for the reader
 */
public record ExportColumn(String name, String staged, String stored, String datatype, boolean array, String unit,
        String ucd, String description) {

    /** The column as the Parquet file stores it, for the COPY's select list. */
    String selectExpression() {
        return staged.equals(stored) ? name : name + "::" + stored + " as " + name;
    }
}
