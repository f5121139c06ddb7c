package org.miri.pixeldb.api.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.miri.pixeldb.api.config.ApiConfig;
import org.miri.pixeldb.api.db.SqlQuery;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.schemas.ExportProduct;

/**
 * Turns a selection into parts: finds the exposures and their loaded product versions in one snapshot, clips the
 * region to each exposure's window, prices every product from the geometry (every ramp of a loaded product is
 * stored, so the count is exact before flag filters) and cuts it into bands of rows of about the part size.
 */
@ApplicationScoped
public class ExportPlanner {

    private static final String PRODUCTS = "select p.exposure_id, p.id, p.kind, p.kind = 'RAW' and exists"
            + " (select 1 from refout_ramp_strip r where r.product_id = p.id) from product p"
            + " where p.exposure_id = any(?) and p.state = 'LOADED'";

    @Inject
    ApiConfig config;

    public ExportPlan plan(Connection db, ExportSelection selection) throws SQLException {
        List<ExposureWindow> exposures = exposures(db, selection);
        Map<Integer, Map<String, Long>> loaded = loaded(db, exposures);
        List<PlannedPart> parts = new ArrayList<>();
        List<ExportPlan.Skipped> skipped = new ArrayList<>();
        for (ExposureWindow exposure : exposures) {
            Map<String, Long> versions = loaded.getOrDefault(exposure.id(), Map.of());
            for (ExportProduct product : selection.products()) {
                Long version = versions.get(product == ExportProduct.REFOUT ? "REFOUT" : product.name());
                if (version == null) {
                    skipped.add(new ExportPlan.Skipped(exposure.name(), product.name(), product == ExportProduct.REFOUT
                            && versions.containsKey("RAW") ? "its raw file has no reference output" : "not loaded"));
                    continue;
                }
                String missed = exposure.cut(product, version, selection, config.exportPartBytes(), parts);
                if (missed != null) {
                    skipped.add(new ExportPlan.Skipped(exposure.name(), product.name(), missed));
                }
            }
        }
        return new ExportPlan(exposures.size(), parts, skipped);
    }

    private List<ExposureWindow> exposures(Connection db, ExportSelection selection) throws SQLException {
        SqlQuery query = new SqlQuery().append("select e.id, e.name, e.nints, e.ngroups, e.substrt1, e.substrt2,"
                + " e.subsize1, e.subsize2 from exposure e where true");
        if (selection.filter() == null) {
            query.append(" and e.name = any(?)", (Object) selection.exposures().toArray(String[]::new));
        } else {
            selection.filter().appendTo(query);
        }
        query.append(" order by e.date_obs nulls last, e.name limit ?", config.exportMaxExposures() + 1);
        Map<String, ExposureWindow> found = new LinkedHashMap<>();
        try (PreparedStatement statement = query.prepare(db); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                found.put(rs.getString(2), new ExposureWindow(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)));
            }
        }
        List<String> unknown = selection.exposures().stream().filter(name -> !found.containsKey(name)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.notFound("exposures", "no exposure named " + String.join(", ", unknown.subList(0,
                    Math.min(10, unknown.size()))) + (unknown.size() > 10 ? " and " + (unknown.size() - 10) + " more" : ""));
        }
        if (found.size() > config.exportMaxExposures()) {
            throw ApiException.badRequest("exposures", "the filters match more than " + config.exportMaxExposures()
                    + " exposures, the most one export may cover: narrow them (from, to, detector, ...)");
        }
        if (found.isEmpty()) {
            throw ApiException.notFound("exposures", "no exposure matches the filters");
        }
        return new ArrayList<>(found.values());
    }

    /** Per exposure id, the loaded product version of each kind, and REFOUT for a RAW version with reference output. */
    private static Map<Integer, Map<String, Long>> loaded(Connection db, List<ExposureWindow> exposures)
            throws SQLException {
        Map<Integer, Map<String, Long>> loaded = new HashMap<>();
        SqlQuery query = new SqlQuery().append(PRODUCTS,
                (Object) exposures.stream().map(ExposureWindow::id).toArray(Integer[]::new));
        try (PreparedStatement statement = query.prepare(db); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Map<String, Long> versions = loaded.computeIfAbsent(rs.getInt(1), id -> new HashMap<>());
                versions.put(rs.getString(3), rs.getLong(2));
                if (rs.getBoolean(4)) {
                    versions.put("REFOUT", rs.getLong(2));
                }
            }
        }
        return loaded;
    }
}
