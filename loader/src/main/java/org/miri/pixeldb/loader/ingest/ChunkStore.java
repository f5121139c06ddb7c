package org.miri.pixeldb.loader.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.miri.pixeldb.loader.db.LoadException;
import org.miri.pixeldb.loader.db.LoadReport;

/** Writes one kind of chunk message in the caller's transaction: a {@code ChunkWriter} of raw ramps, corrected ramps or slopes. */
@FunctionalInterface
public interface ChunkStore<T> {

    LoadReport write(Connection tx, List<T> chunks) throws SQLException, LoadException;
}
