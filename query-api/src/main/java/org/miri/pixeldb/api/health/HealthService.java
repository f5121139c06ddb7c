package org.miri.pixeldb.api.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.miri.pixeldb.api.config.ApiConfig;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.api.param.CursorToken;
import org.miri.pixeldb.api.param.NextLink;
import org.miri.pixeldb.api.param.Params;
import org.miri.pixeldb.health.state.PixelState;
import org.miri.pixeldb.model.Detector;
import org.miri.pixeldb.model.FrameGeometry;

/** The health endpoints' logic over {@link HealthRepository}: checks, paging, the timeline. */
@ApplicationScoped
public class HealthService {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;
    public static final int DEFAULT_TREND_EXPOSURES = 100;
    public static final int MAX_TREND_EXPOSURES = 1000;

    @Inject
    HealthRepository repository;
    @Inject
    ApiConfig config;

    public ExposureHealthPage exposure(Detector detector, String exposure, List<String> stateParams, String cursor,
            String limitParam, UriInfo uri) throws SQLException {
        String name = required(detector, exposure);
        List<String> states = states(stateParams);
        CursorToken after = CursorToken.decode("cursor", cursor);
        int limit = Params.integer("limit", limitParam, 1, MAX_LIMIT, DEFAULT_LIMIT);
        HealthRepository.Summary summary = evaluated(detector, name);
        int afterRow = after == null ? 0 : Params.integer("cursor", after.key(), 0, 1024, null);
        int afterCol = after == null ? 0 : (int) after.id();
        List<ExposureHealthPage.Pixel> pixels = repository.pixels(summary.exposureId(), states, afterRow, afterCol, limit);
        String next = null;
        if (pixels.size() > limit) {
            pixels = pixels.subList(0, limit);
            ExposureHealthPage.Pixel last = pixels.get(limit - 1);
            next = NextLink.after(uri, new CursorToken(String.valueOf(last.row()), last.col()));
        }
        return page(detector, summary, List.copyOf(pixels), next);
    }

    /** The exposure's whole health as a CRDS-MASK-like FITS file ({@link HealthMask}). */
    public StreamingOutput mask(Detector detector, String exposure) throws SQLException {
        HealthRepository.Summary summary = evaluated(detector, required(detector, exposure));
        List<ExposureHealthPage.Pixel> pixels = allFlagged(summary);
        ExposureHealthPage page = page(detector, summary, List.of(), null);
        return out -> HealthMask.write(out, page, pixels);
    }

    /**
     * The exposure's health against a reference mask ({@link MaskComparison}); 404 as for its health, 400 naming the
     * body when the mask is unreadable or shares no pixel with the exposure.
     */
    public MaskComparison compare(Detector detector, String exposure, InputStream body) throws SQLException,
            IOException {
        HealthRepository.Summary summary = evaluated(detector, required(detector, exposure));
        ReferenceMask mask = ReferenceMask.read(body, config.maxMaskBytes());
        Map<Long, Long> here = new HashMap<>();
        for (ExposureHealthPage.Pixel p : allFlagged(summary)) {
            here.put(MaskComparison.key(p.row(), p.col()), HealthMask.bits(p.states()));
        }
        return MaskComparison.of(summary.name(), repository.footprint(summary.exposureId()), here, mask)
                .orElseThrow(() -> ApiException.badRequest(ReferenceMask.BODY, "the mask (" + mask.cols() + " x "
                        + mask.rows() + " from column " + mask.firstCol() + ", row " + mask.firstRow()
                        + ") shares no pixel with the exposure's subarray"));
    }

    /** Every flagged pixel of the exposure, in row and column order (a full frame has at most its pixel count). */
    private List<ExposureHealthPage.Pixel> allFlagged(HealthRepository.Summary summary) throws SQLException {
        return repository.pixels(summary.exposureId(), List.of(), 0, 0, FrameGeometry.PIXELS);
    }

    /** The exposure parameter; 400 naming it when it is not given. */
    private static String required(Detector detector, String exposure) {
        String name = Params.text("exposure", exposure);
        if (name == null) {
            throw ApiException.badRequest("exposure", "exposure is required: the name of an exposure of " + detector);
        }
        return name;
    }

    /** The exposure's health summary; 404 naming {@code exposure} when it is unknown, elsewhere, or not evaluated. */
    private HealthRepository.Summary evaluated(Detector detector, String name) throws SQLException {
        HealthRepository.Summary summary = repository.summary(name);
        if (summary.exposureId() == null || summary.scaId() != detector.scaId()) {
            throw ApiException.notFound("exposure", summary.exposureId() == null ? "no exposure " + name
                    : "exposure " + name + " is not of " + detector.name());
        }
        if (!summary.evaluated()) {
            throw ApiException.notFound("exposure", "the health of " + name + " is not computed: it is computed"
                    + " when a RAW, RATEINTS or RATE product of the exposure is loaded (RAW: from quick-look slopes of its"
                    + " ramps, which need the exposure's TGROUP)");
        }
        return summary;
    }

    private static ExposureHealthPage page(Detector detector, HealthRepository.Summary summary,
            List<ExposureHealthPage.Pixel> pixels, String next) {
        return new ExposureHealthPage(detector.name(), summary.name(), summary.dateObs(), summary.readpatt(),
                summary.product(), summary.integrations(), summary.considered(), summary.jumpsEvaluated(),
                summary.evaluatedAt(), summary.counts(), pixels, next);
    }

    /** The exposure's pixel-state changes against each pixel's previous evaluated exposure, at most limit of them. */
    public HealthChangePage changes(Detector detector, String exposure, String limitParam) throws SQLException {
        int limit = Params.integer("limit", limitParam, 1, MAX_LIMIT, DEFAULT_LIMIT);
        HealthRepository.Summary summary = evaluated(detector, required(detector, exposure));
        List<HealthChangePage.Change> all = repository.changes(summary.name());
        return new HealthChangePage(detector.name(), summary.name(), all.size(), all.size() > limit,
                all.subList(0, Math.min(limit, all.size())));
    }

    public PixelHealthHistory pixel(Detector detector, int row, int col, String limitParam) throws SQLException {
        int limit = Params.integer("limit", limitParam, 1, MAX_LIMIT, DEFAULT_LIMIT);
        List<PixelHealthHistory.Entry> exposures = repository.history(detector, row, col, limit);
        return new PixelHealthHistory(detector.name(), row, col, exposures, PixelHealthHistory.timeline(exposures));
    }

    public AmplifierTrends amplifiers(Detector detector, String fromParam, String toParam, String readpattParam,
            String cursor, String limitParam, UriInfo uri) throws SQLException {
        Instant from = Params.instant("from", fromParam);
        Instant to = Params.instant("to", toParam);
        Params.ordered("from", from, "to", to);
        String readpatt = Params.text("readpatt", readpattParam);
        CursorToken after = CursorToken.decode("cursor", cursor);
        int limit = Params.integer("limit", limitParam, 1, MAX_TREND_EXPOSURES, DEFAULT_TREND_EXPOSURES);
        Instant afterDate = null;
        if (after != null) {
            try {
                afterDate = Instant.ofEpochSecond(0, Math.multiplyExact(Long.parseLong(after.key()), 1000L));
            } catch (NumberFormatException | ArithmeticException e) {
                throw ApiException.badRequest("cursor", "cursor is not a paging token of this endpoint; use the"
                        + " 'next' link of the previous page as it is");
            }
        }
        List<AmplifierTrends.Exposure> exposures = repository.trends(detector, from, to, readpatt, afterDate,
                after == null ? null : after.id(), limit);
        String next = null;
        if (exposures.size() > limit) {
            exposures = exposures.subList(0, limit);
            AmplifierTrends.Exposure last = exposures.get(limit - 1);
            long micros = Math.addExact(Math.multiplyExact(last.dateObs().getEpochSecond(), 1_000_000L),
                    last.dateObs().getNano() / 1000);
            next = NextLink.after(uri, new CursorToken(String.valueOf(micros), last.id()));
        }
        return new AmplifierTrends(detector.name(), List.copyOf(exposures), next);
    }

    private static List<String> states(List<String> values) {
        return Params.list("state", values).stream().map(value -> {
            String upper = value.toUpperCase(Locale.ROOT);
            if (Arrays.stream(PixelState.values()).noneMatch(s -> s.name().equals(upper))) {
                throw ApiException.badRequest("state", "unknown state '" + value + "'; use "
                        + Arrays.toString(PixelState.values()));
            }
            return upper;
        }).toList();
    }
}
