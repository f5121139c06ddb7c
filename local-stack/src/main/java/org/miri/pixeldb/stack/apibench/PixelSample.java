package org.miri.pixeldb.stack.apibench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random pixels inside the loaded exposures, reproducible from a seed: what the API benchmark asks for. */
public final class PixelSample {

    /** The rectangle of one loaded exposure on its detector. */
    public record Extent(String detector, int firstRow, int rows, int firstCol, int cols) {
    }

    private static final String LOADED = "select d.name, e.substrt2, e.subsize2, e.substrt1, e.subsize1 from exposure e"
            + " join detector d on d.sca_id = e.sca_id where exists (select 1 from product p where p.exposure_id = e.id"
            + " and p.state = 'LOADED') order by e.id";

    private PixelSample() {
    }

    public static List<Extent> loadedExposures(Connection db) throws SQLException {
        List<Extent> extents = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(LOADED)) {
            while (rs.next()) {
                extents.add(new Extent(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
            }
        }
        return extents;
    }

    /** Paths /api/v1/pixels/DETECTOR/ROW/COL of pixels drawn uniformly from uniformly drawn exposures. */
    public static List<String> paths(List<Extent> extents, int count, long seed) {
        Random random = new Random(seed);
        List<String> paths = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Extent e = extents.get(random.nextInt(extents.size()));
            paths.add("/api/v1/pixels/" + e.detector() + "/" + (e.firstRow() + random.nextInt(e.rows())) + "/"
                    + (e.firstCol() + random.nextInt(e.cols())));
        }
        return paths;
    }
}
