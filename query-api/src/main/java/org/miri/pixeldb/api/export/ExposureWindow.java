package org.miri.pixeldb.api.export;

import java.util.List;
import java.util.Locale;
import org.miri.pixeldb.api.param.Span;
import org.miri.pixeldb.model.ReferenceOutput;
import org.miri.pixeldb.schemas.ExportProduct;

/** An exposure's window on the detector and its shape: what a selection's region is clipped to. */
record ExposureWindow(int id, String name, int nints, int ngroups, int substrt1, int substrt2, int subsize1,
        int subsize2) {

    /**
     * Adds the parts of one product version to {@code parts}: the selection's rows, columns and integrations within
     * this exposure, cut into bands of rows of about {@code partBytes}. Returns why nothing was added, or null.
     */
    String cut(ExportProduct product, long version, ExportSelection selection, long partBytes, List<PlannedPart> parts) {
        Span rows = clip(selection.rows(), substrt2, substrt2 + subsize2 - 1);
        Span cols = product == ExportProduct.REFOUT
                ? clip(new Span(ReferenceOutput.column(selection.cols().first()),
                        ReferenceOutput.column(selection.cols().last())),
                        ReferenceOutput.column(substrt1), ReferenceOutput.column(substrt1 + subsize1 - 1))
                : clip(selection.cols(), substrt1, substrt1 + subsize1 - 1);
        Span integrations = product == ExportProduct.RATE ? new Span(1, 1) : clip(selection.integrations(), 1, nints);
        if (rows == null || cols == null) {
            return "the region misses its window (rows " + substrt2 + "-" + (substrt2 + subsize2 - 1) + ", columns "
                    + substrt1 + "-" + (substrt1 + subsize1 - 1) + ")";
        }
        if (integrations == null) {
            return "it has integrations 1-" + nints + " only";
        }
        long perRow = ExportPricing.bytesPerRow(product, ngroups);
        long rowOfRamps = (long) cols.size() * integrations.size();
        int band = (int) Math.max(1, Math.min(rows.size(), partBytes / Math.max(1, rowOfRamps * perRow)));
        for (int first = rows.first(); first <= rows.last(); first += band) {
            int last = Math.min(rows.last(), first + band - 1);
            long ramps = rowOfRamps * (last - first + 1);
            parts.add(new PlannedPart(name, product, version, first, last, cols.first(), cols.last(),
                    integrations.first(), integrations.last(), ramps, ramps * perRow, fileName(product, first, last)));
        }
        return null;
    }

    private String fileName(ExportProduct product, int first, int last) {
        // Exposure names come from file names: anything but a safe character becomes '_' in the object key and URL.
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return String.format(Locale.ROOT, "%s_%s_r%04d-%04d.parquet", safe, product, first, last);
    }

    private static Span clip(Span wanted, int first, int last) {
        int from = Math.max(wanted.first(), first);
        int to = Math.min(wanted.last(), last);
        return from > to ? null : new Span(from, to);
    }
}
