package org.miri.pixeldb.api.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.miri.pixeldb.health.state.AmplifierIntegration;
import org.miri.pixeldb.health.state.ExposureHealth;
import org.miri.pixeldb.health.state.PixelHealth;
import org.miri.pixeldb.health.state.PixelState;

/** Writes one exposure's health into exposure_health, pixel_health and amplifier_health (V13), replacing the old. */
final class HealthTables {

    private static final String FORGET = "delete from exposure_health where exposure_id = ?";
    private static final String EXPOSURE = "insert into exposure_health (exposure_id, product_id, product_kind,"
            + " ramp_product_id, integrations, considered, hot, warm, dead, noisy, jumpy, jumps_evaluated, thresholds)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)";
    // COPY, not batched inserts: a full frame flags tens of thousands of pixels (52,000 took 3.7 s as inserts).
    private static final String PIXELS = "copy pixel_health (exposure_id, row, col, states, integrations,"
            + " hot_fraction, warm_fraction, illuminated, dead_fraction, noise, mean_jumps) from stdin";
    private static final String AMPLIFIER = "insert into amplifier_health (exposure_id, integration, amplifier,"
            + " median, std, pixels, hot, warm, dead, noisy, jumpy) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private HealthTables() {
    }

    /** In the caller's transaction. */
    static void replace(Connection tx, SlopeInput input, ExposureHealth health, String thresholdsJson)
            throws SQLException {
        try (PreparedStatement forget = tx.prepareStatement(FORGET)) {
            forget.setInt(1, input.versions().exposureId());
            forget.executeUpdate();
        }
        Map<PixelState, Integer> counts = health.counts();
        try (PreparedStatement exposure = tx.prepareStatement(EXPOSURE)) {
            SlopeInput.Versions v = input.versions();
            bind(exposure, v.exposureId(), v.productId(), v.kind(), v.rampProductId(),
                    health.integrations(),
                    health.considered(), counts.get(PixelState.HOT), counts.get(PixelState.WARM),
                    counts.get(PixelState.DEAD), counts.get(PixelState.NOISY), counts.get(PixelState.JUMPY),
                    input.slopes().meanJumps().isPresent(), thresholdsJson);
            exposure.executeUpdate();
        }
        copyPixels(tx, input.versions().exposureId(), health);
        try (PreparedStatement amplifiers = tx.prepareStatement(AMPLIFIER)) {
            for (AmplifierIntegration a : health.amplifierIntegrations()) {
                Map<PixelState, Integer> c = a.counts();
                bind(amplifiers, input.versions().exposureId(), a.integration(), a.amplifier(), finite(a.median()),
                        finite(a.std()), a.pixels(), c.get(PixelState.HOT), c.get(PixelState.WARM),
                        c.get(PixelState.DEAD), c.get(PixelState.NOISY), c.get(PixelState.JUMPY));
                amplifiers.addBatch();
            }
            amplifiers.executeBatch();
        }
    }

    /** COPY's text format: tab-separated, \N for null; state names and numbers need no escaping. */
    private static void copyPixels(Connection tx, int exposureId, ExposureHealth health) throws SQLException {
        List<PixelHealth> flagged = health.flagged();
        StringBuilder rows = new StringBuilder(flagged.size() * 64);
        for (PixelHealth p : flagged) {
            rows.append(exposureId).append('\t').append(p.row()).append('\t').append(p.col()).append("\t{")
                    .append(String.join(",", p.states().stream().sorted().map(Enum::name).toList())).append("}\t")
                    .append(p.integrations());
            for (Object value : new Object[] {real(p.hotFraction()), real(p.warmFraction()),
                p.illuminatedIntegrations(), real(p.deadFraction()), real(p.noise()), real(p.meanJumps())}) {
                rows.append('\t').append(value == null ? "\\N" : value.toString());
            }
            rows.append('\n');
        }
        try {
            tx.unwrap(PGConnection.class).getCopyAPI().copyIn(PIXELS,
                    new java.io.StringReader(rows.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("could not copy the pixel health rows: " + e.getMessage(), e);
        }
    }

    /** NaN (not judged, or no value) is stored as null. */
    private static Float real(double value) {
        return Double.isNaN(value) ? null : (float) value;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }
}
