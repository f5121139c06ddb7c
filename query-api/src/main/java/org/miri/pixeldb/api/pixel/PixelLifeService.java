package org.miri.pixeldb.api.pixel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.miri.pixeldb.api.db.Database;
import org.miri.pixeldb.api.dq.DqFlagRepository;
import org.miri.pixeldb.api.exposure.ExposureSort;
import org.miri.pixeldb.api.exposure.ExposureSummary;
import org.miri.pixeldb.api.format.ApiLimits;
import org.miri.pixeldb.api.format.OutputFormat;
import org.miri.pixeldb.api.format.ResponseBudget;
import org.miri.pixeldb.api.param.NextLink;

/** A page of a pixel's life: the exposures, a size check from their geometry, then the pixel's values. */
@ApplicationScoped
public class PixelLifeService {

    @Inject
    Database database;
    @Inject
    PixelRepository pixels;
    @Inject
    DqFlagRepository flags;
    @Inject
    ApiLimits limits;

    public PixelLife life(PixelQuery query, OutputFormat format, UriInfo uri) throws SQLException {
        Page page = database.lookup(connection -> page(connection, query, format));
        String next = null;
        if (page.more()) {
            ExposureSummary last = page.exposures().get(page.exposures().size() - 1);
            next = NextLink.after(uri, ExposureSort.DATE_OBS.cursorAfter(last.dateObs(), last.name(), last.id()));
        }
        List<PixelLife.Exposure> exposures = new PixelLifeAssembler(flags.catalog()).assemble(query, page.exposures(),
                page.samples());
        return new PixelLife(query.detector(), query.row(), query.col(), query.pixelId(), exposures, next);
    }

    /** The page's exposures, whether more follow, and the pixel's values in them: one snapshot, two statements. */
    private Page page(Connection connection, PixelQuery query, OutputFormat format) throws SQLException {
        List<ExposureSummary> found = pixels.exposures(connection, query);
        List<ExposureSummary> page = found.size() > query.limit() ? found.subList(0, query.limit()) : found;
        long groups = page.stream().mapToLong(e -> (long) e.nints() * e.ngroups()).sum();
        ResponseBudget.require(groups, query.include().contains("corrected") ? ResponseBudget.Unit.CORRECTED
                : ResponseBudget.Unit.RAW, format, limits.maxResponseBytes(), "limit",
                "ask for fewer exposures per page (limit) or fewer parts (include)");
        Set<String> parts = new HashSet<>(query.include());
        if (query.filtersFlags()) {
            parts.add("corrected"); // the DQ filters read GROUPDQ and PIXELDQ even when not shown
            parts.add("slopes");
        }
        PixelSamples samples = page.isEmpty() ? new PixelSamples() : pixels.samples(connection, query, page, parts);
        return new Page(page, found.size() > query.limit(), samples);
    }

    private record Page(List<ExposureSummary> exposures, boolean more, PixelSamples samples) {
    }
}
