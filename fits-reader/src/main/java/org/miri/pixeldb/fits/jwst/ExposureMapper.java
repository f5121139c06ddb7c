package org.miri.pixeldb.fits.jwst;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.miri.pixeldb.fits.structure.FileChecksum;
import org.miri.pixeldb.model.Subarray;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.HeaderCard;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.SourceObject;

/**
 * Turns a descriptor into the {@link Exposure} message the writers consume. Corrected and slope products also carry
 * their pipeline provenance; raw products have none (the pipeline has not run on them).
 */
public final class ExposureMapper {

    private ExposureMapper() {
    }

    /**
     * @param source          the object the product was read from
     * @param productChecksum lower-case hex SHA-256 of the object ({@link FileChecksum#sha256})
     * @param splitAt         when the splitter read the product; kept at millisecond precision
     */
    public static Exposure toAvro(ExposureDescriptor descriptor, SourceObject source, String productChecksum,
            Instant splitAt) {
        ExposureKeywords keywords = descriptor.keywords();
        Subarray subarray = keywords.subarray();
        ExposureTiming timing = descriptor.timing();
        return Exposure.newBuilder()
                .setName(descriptor.name())
                .setProduct(descriptor.product())
                .setProductChecksum(productChecksum)
                .setDetector(keywords.detector().name())
                .setScaId(keywords.detector().scaId())
                .setOriginDetector(keywords.originDetector())
                .setOriginScaId(keywords.originScaId())
                .setSubarray(subarray.name())
                .setSubstrt1(subarray.substrt1())
                .setSubstrt2(subarray.substrt2())
                .setSubsize1(subarray.subsize1())
                .setSubsize2(subarray.subsize2())
                .setReadpatt(keywords.readpatt())
                .setNints(keywords.nints())
                .setNgroups(keywords.ngroups())
                .setNframes(keywords.nframes())
                .setGroupgap(timing.groupgap())
                .setTframe(timing.tframe())
                .setTgroup(timing.tgroup())
                .setInttime(timing.inttime())
                .setExptime(timing.exptime())
                .setDateObs(timing.dateObs())
                .setDateEnd(timing.dateEnd())
                .setExpType(descriptor.expType())
                .setOrigin(descriptor.origin())
                .setSource(source)
                .setHeader(descriptor.header().stream()
                        .map(card -> new HeaderCard(card.keyword(), card.value(), card.comment())).toList())
                .setSplitAt(splitAt.truncatedTo(ChronoUnit.MILLIS))
                .setProvenance(descriptor.product() == ProductKind.RAW ? null
                        : PipelineProvenance.of(descriptor.header()))
                .build();
    }
}
