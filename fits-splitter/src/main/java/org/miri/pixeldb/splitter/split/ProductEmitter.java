package org.miri.pixeldb.splitter.split;

import java.io.IOException;
import org.miri.pixeldb.fits.ProductFile;
import org.miri.pixeldb.fits.chunk.ChunkPlan;
import org.miri.pixeldb.fits.chunk.CorrectedRampChunker;
import org.miri.pixeldb.fits.chunk.RawRampChunker;
import org.miri.pixeldb.fits.chunk.SlopeChunker;
import org.miri.pixeldb.fits.jwst.CorrectedGeometry;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.fits.jwst.SlopeGeometry;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.schemas.SlopeChunk;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/**
 * Sends the chunks of one product to its topic, keyed so that the chunks of one exposure spread over
 * the partitions (and so over the writer instances), and returns what the manifest announces.
 */
final class ProductEmitter {

    /** What the writers must load of a product: its chunk count, and ramps (pixels, for slopes) for progress. */
    record Manifest(int chunkCount, long rampCount) {
    }

    private final RawRampChunker raw;
    private final CorrectedRampChunker corrected;
    private final SlopeChunker slopes;
    private final AvroMessageCodec<RawRampChunk> rawCodec = AvroMessageCodec.of(RawRampChunk.class);
    private final AvroMessageCodec<CorrectedRampChunk> correctedCodec = AvroMessageCodec.of(CorrectedRampChunk.class);
    private final AvroMessageCodec<SlopeChunk> slopeCodec = AvroMessageCodec.of(SlopeChunk.class);

    ProductEmitter(int chunkBytes) {
        raw = new RawRampChunker(chunkBytes);
        corrected = new CorrectedRampChunker(chunkBytes);
        slopes = new SlopeChunker(chunkBytes);
    }

    Manifest emit(ProductFile product, String exposure, String checksum, RecordSender sender) throws IOException {
        return switch (product.descriptor().product()) {
            case RAW -> {
                ChunkPlan<RampGeometry> plan = raw.plan(product.raw().geometry());
                raw.chunks(product.raw(), exposure, checksum, c -> sender.send(Topic.RAW_RAMPS,
                        key(exposure, c.getIntegration(), c.getKind(), c.getChunkIndex()), rawCodec.encode(c)));
                RampGeometry g = plan.geometry();
                yield new Manifest(plan.chunkCount(), (long) g.nints() * g.rows() * (g.cols() + g.refCols()));
            }
            case RAMP -> {
                ChunkPlan<CorrectedGeometry> plan = corrected.plan(product.corrected().geometry());
                corrected.chunks(product.corrected(), exposure, checksum, c -> sender.send(Topic.CORRECTED_RAMPS,
                        key(exposure, c.getIntegration(), c.getKind(), c.getChunkIndex()), correctedCodec.encode(c)));
                RampGeometry g = plan.geometry().ramps();
                int refCols = plan.geometry().hasRefout() ? g.refCols() : 0;
                yield new Manifest(plan.chunkCount(), (long) g.nints() * g.rows() * (g.cols() + refCols));
            }
            case RATEINTS, RATE -> {
                ChunkPlan<SlopeGeometry> plan = slopes.plan(product.slopes().geometry());
                slopes.chunks(product.slopes(), exposure, checksum, c -> sender.send(Topic.SLOPES,
                        key(exposure, c.getIntegration(), c.getProduct(), c.getChunkIndex()), slopeCodec.encode(c)));
                var g = plan.geometry();
                yield new Manifest(plan.chunkCount(), (long) g.planes() * g.rows() * g.cols());
            }
        };
    }

    private static String key(String exposure, int integration, Object kind, int chunkIndex) {
        return exposure + "/" + integration + "/" + kind + "/" + chunkIndex;
    }
}
