package org.miri.pixeldb.api.pixel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The packed values of one pixel, per exposure id, as the strip queries return them (still packed). */
public final class PixelSamples {

    /** A corrected ramp's packed SCI, ERR (null when absent) and GROUPDQ. */
    public record Corrected(byte[] sci, byte[] err, byte[] groupdq) {
    }

    /** One slope value set; integration 0 for RATE. */
    public record SlopeBytes(String kind, int integration, byte[] sci, byte[] err, byte[] dq, byte[] varPoisson,
            byte[] varRnoise) {
    }

    final Map<Long, TreeMap<Integer, byte[]>> raw = new HashMap<>();
    final Map<Long, TreeMap<Integer, Corrected>> corrected = new HashMap<>();
    final Map<Long, byte[]> pixeldq = new HashMap<>();
    final Map<Long, List<SlopeBytes>> slopes = new HashMap<>();

    public void raw(long exposure, int integration, byte[] samples) {
        raw.computeIfAbsent(exposure, e -> new TreeMap<>()).put(integration, samples);
    }

    public void corrected(long exposure, int integration, Corrected ramp) {
        corrected.computeIfAbsent(exposure, e -> new TreeMap<>()).put(integration, ramp);
    }

    public void pixeldq(long exposure, byte[] dq) {
        pixeldq.put(exposure, dq);
    }

    public void slope(long exposure, SlopeBytes slope) {
        slopes.computeIfAbsent(exposure, e -> new ArrayList<>()).add(slope);
    }
}
