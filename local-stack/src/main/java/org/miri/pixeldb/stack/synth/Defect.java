package org.miri.pixeldb.stack.synth;

import java.util.Locale;
import org.miri.pixeldb.model.FrameGeometry;

/**
 * A pixel defect injected into synthetic ramps, so that detector-health tests and demos have known truth (issue 14,
 * item 5). Written {@code KIND:ROW:COL} or {@code KIND:ROW:COL:FIRST-LAST}: full-frame row and column, 1-based, and
 * the exposures of a series (1-based, in the order {@code ./pixeldb synth --count} writes them) that have it; all
 * of them when no range is given.
 */
public record Defect(Kind kind, int row, int col, int firstExposure, int lastExposure) {

    /** What the defect does to the pixel's ramps; {@link Scene} says by how much. */
    public enum Kind { HOT, WARM, DEAD, NOISY, JUMPY }

    public Defect {
        if (row < 1 || row > FrameGeometry.ROWS || col < 1 || col > FrameGeometry.COLUMNS) {
            throw new IllegalArgumentException("a defect's pixel is a full-frame row 1.." + FrameGeometry.ROWS
                    + " and column 1.." + FrameGeometry.COLUMNS + ", not " + row + ", " + col);
        }
        if (firstExposure < 1 || lastExposure < firstExposure) {
            throw new IllegalArgumentException("a defect's exposures are FIRST-LAST with 1 <= FIRST <= LAST, not "
                    + firstExposure + "-" + lastExposure);
        }
    }

    /** A defect of every exposure. */
    public static Defect of(Kind kind, int row, int col) {
        return new Defect(kind, row, col, 1, Integer.MAX_VALUE);
    }

    public static Defect parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length != 3 && parts.length != 4) {
            throw new IllegalArgumentException("a defect is KIND:ROW:COL[:FIRST-LAST], e.g. HOT:800:10 or HOT:800:10:4-6,"
                    + " not '" + text + "'");
        }
        try {
            Kind kind = Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
            int row = Integer.parseInt(parts[1]);
            int col = Integer.parseInt(parts[2]);
            if (parts.length == 3) {
                return of(kind, row, col);
            }
            String[] range = parts[3].split("-", 2);
            return new Defect(kind, row, col, Integer.parseInt(range[0]),
                    Integer.parseInt(range.length == 2 ? range[1] : range[0]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a defect is KIND:ROW:COL[:FIRST-LAST] with KIND one of HOT, WARM, DEAD,"
                    + " NOISY, JUMPY and whole numbers, not '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Whether exposure {@code exposure} of the series has this defect at pixel (row, col). */
    boolean at(int exposure, int pixelRow, int pixelCol) {
        return row == pixelRow && col == pixelCol && exposure >= firstExposure && exposure <= lastExposure;
    }
}
