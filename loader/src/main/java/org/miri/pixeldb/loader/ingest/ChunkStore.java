package org.miri.pixeldb.loader.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.miri.pixeldb.loader.db.LoadException;
import org.miri.pixeldb.loader.db.LoadReport;

/** Writes one kind of chunk message in the caller's transaction (RawRampWriter, CorrectedRampWriter, SlopeWriter). */
@FunctionalInterface
public interface ChunkStore<T> {

    LoadReport write(Connection tx, List<T> chunks) throws SQLException, LoadException;
}
