package org.miri.pixeldb.api.pixel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.miri.pixeldb.api.dq.DqCatalog;
import org.miri.pixeldb.api.exposure.ExposureSummary;
import org.miri.pixeldb.api.format.Packed;

/**
 * Turns the packed values of a page of exposures into the pixel's life: decodes them, names the DQ bits and drops
 * the integrations the DQ filters reject (and exposures left without any). Plain code, tested without a database.
 */
public final class PixelLifeAssembler {

    private final DqCatalog flags;

    public PixelLifeAssembler(DqCatalog flags) {
        this.flags = flags;
    }

    public List<PixelLife.Exposure> assemble(PixelQuery query, List<ExposureSummary> page, PixelSamples samples) {
        List<PixelLife.Exposure> exposures = new ArrayList<>();
        for (ExposureSummary e : page) {
            byte[] dqBytes = samples.pixeldq.get(e.id());
            Long pixeldq = dqBytes == null ? null : Packed.uint32(dqBytes, 0);
            TreeMap<Integer, byte[]> raw = samples.raw.getOrDefault(e.id(), new TreeMap<>());
            TreeMap<Integer, PixelSamples.Corrected> corrected = samples.corrected.getOrDefault(e.id(), new TreeMap<>());
            List<PixelSamples.SlopeBytes> slopes = samples.slopes.getOrDefault(e.id(), List.of());
            TreeSet<Integer> kept = kept(query, e, pixeldq, corrected, slopes);
            if (kept.isEmpty() && query.filtersFlags()) {
                continue;
            }
            List<PixelLife.RawRamp> rawRamps = new ArrayList<>();
            raw.forEach((integration, packed) -> {
                if (kept.contains(integration) && query.include().contains("raw")) {
                    rawRamps.add(new PixelLife.RawRamp(integration, Packed.uint16s(packed)));
                }
            });
            List<PixelLife.CorrectedRamp> correctedRamps = new ArrayList<>();
            corrected.forEach((integration, ramp) -> {
                if (kept.contains(integration) && query.include().contains("corrected")) {
                    int[] groupdq = Packed.uint8s(ramp.groupdq());
                    correctedRamps.add(new PixelLife.CorrectedRamp(integration, Packed.float32s(ramp.sci()),
                            Packed.float32s(ramp.err()), groupdq,
                            java.util.Arrays.stream(groupdq).mapToObj(flags::decode).toList()));
                }
            });
            List<PixelLife.Slope> slopeList = new ArrayList<>();
            for (PixelSamples.SlopeBytes s : slopes) {
                if ((s.integration() == 0 || kept.contains(s.integration())) && query.include().contains("slopes")) {
                    long dq = Packed.uint32(s.dq(), 0);
                    slopeList.add(new PixelLife.Slope(s.kind(), s.integration() == 0 ? null : s.integration(),
                            Packed.float32(s.sci(), 0), Packed.float32(s.err(), 0), dq, flags.decode(dq),
                            Packed.float32(s.varPoisson(), 0), Packed.float32(s.varRnoise(), 0)));
                }
            }
            slopeList.sort(java.util.Comparator.comparing(PixelLife.Slope::kind).reversed()
                    .thenComparing(s -> s.integration() == null ? 0 : s.integration()));
            exposures.add(new PixelLife.Exposure(e.name(), e.dateObs(), e.subarray(), e.readpatt(), e.expType(),
                    e.origin(), e.nints(), e.ngroups(), e.tgroup(), pixeldq,
                    pixeldq == null ? List.of() : flags.decode(pixeldq), rawRamps, correctedRamps, slopeList));
        }
        return exposures;
    }

    /** The integrations that pass the DQ filters: combined PIXELDQ, GROUPDQ of any group and RATEINTS DQ. */
    static TreeSet<Integer> kept(PixelQuery query, ExposureSummary e, Long pixeldq,
            Map<Integer, PixelSamples.Corrected> corrected, List<PixelSamples.SlopeBytes> slopes) {
        TreeSet<Integer> kept = new TreeSet<>();
        for (int i = Math.max(1, query.integrations().first()); i <= Math.min(e.nints(), query.integrations().last()); i++) {
            if (!query.filtersFlags()) {
                kept.add(i);
                continue;
            }
            PixelSamples.Corrected ramp = corrected.get(i);
            if (ramp == null || pixeldq == null) {
                continue; // without the RAMP product the flags are unknown: neither present nor absent
            }
            long mask = pixeldq;
            for (byte group : ramp.groupdq()) {
                mask |= group & 0xff;
            }
            for (PixelSamples.SlopeBytes s : slopes) {
                // The pipeline's flags only: a quick look's DO_NOT_USE or SATURATED is not a flag of the data.
                if (s.integration() == i && !"QUICKLOOK".equals(s.kind())) {
                    mask |= Packed.uint32(s.dq(), 0);
                }
            }
            if (query.keeps(mask)) {
                kept.add(i);
            }
        }
        return kept;
    }
}
