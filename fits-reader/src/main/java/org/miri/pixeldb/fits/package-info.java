/**
 * Reading MIRI products from local FITS files: recognition, validation, exposure metadata, and ramps and slopes cut
 * into Kafka-sized chunks. Plain Java (nom-tam-fits, the Avro schemas, miri-model): no service, no Kafka client.
 *
 * <p>This package is the entry point ({@link ProductReader}, {@link ProductFile}, {@link ProductRecognition}); the
 * rest is by concern, each depending only on the ones listed before it:
 * <ul>
 *   <li>{@code structure}: the FITS file itself: the HDU walk and structural keywords checked before nom-tam-fits
 *       reads anything, header values, extension names, array types and the byte-range reads of one array;</li>
 *   <li>{@code jwst}: the JWST product layouts: MIRI keywords, exposure name, timing and provenance, the exposure
 *       descriptor and its Avro mapping, and the readers of raw (SCI, REFOUT), corrected (SCI, ERR, GROUPDQ,
 *       PIXELDQ, REFOUT) and slope (SCI, ERR, DQ, VAR_POISSON, VAR_RNOISE) arrays;</li>
 *   <li>{@code groundtest}: JPL and OTIS ground-test raw files, converted to the JWST raw layout while reading;</li>
 *   <li>{@code chunk}: chunk plans, builders and chunkers: {@code Raw*} for raw ramps, {@code Corrected*} for
 *       corrected ramps, {@code Slope*} for slopes, and what they share ({@code ChunkBlock}, {@code PlaneCutter}).</li>
 * </ul>
 *
 * <p>The splitter downloads an object to a temporary file and then:
 *
 * <pre>{@code
 * try (ProductFile product = ProductReader.open(tempFile, objectKey)) {      // RejectedProductException: reason()
 *     Exposure exposure = ExposureMapper.toAvro(product.descriptor(), source, FileChecksum.sha256(tempFile),
 *             Instant.now());                                                // provenance set unless RAW
 *     String name = exposure.getName();
 *     String checksum = exposure.getProductChecksum();
 *     switch (product.descriptor().product()) {
 *         case RAW -> {
 *             RawRampChunker chunker = new RawRampChunker();                   // 512 KiB of samples per chunk
 *             int expected = chunker.plan(product.raw().geometry()).chunkCount();
 *             chunker.chunks(product.raw(), name, checksum, chunk -> send(chunk));
 *         }
 *         case RAMP -> {
 *             CorrectedRampChunker chunker = new CorrectedRampChunker();
 *             int expected = chunker.plan(product.corrected().geometry()).chunkCount();
 *             chunker.chunks(product.corrected(), name, checksum, chunk -> send(chunk));
 *         }
 *         case RATEINTS, RATE -> {
 *             SlopeChunker chunker = new SlopeChunker();
 *             int expected = chunker.plan(product.slopes().geometry()).chunkCount();
 *             chunker.chunks(product.slopes(), name, checksum, chunk -> send(chunk));
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Conventions. Raw samples are unsigned 16-bit ({@code char}, BZERO applied). {@link RawIntegration} blocks are in
 * file order [group][row][col] with 0-based array indices; chunk samples are big-endian in [row][col][group] order
 * ({@link RawRampPacking}). Chunk coordinates are 1-based full-frame rows and columns; a REFOUT chunk's columns are
 * full-frame reference-output columns ({@link RampGeometry#firstRefCol()}). JPL and OTIS ground-test files are
 * converted to the JWST layout while reading ({@link GroundTestConversion}).
 *
 * <p>Corrected (RAMP) and slope (RATEINTS, RATE) products: every array is found by EXTNAME and its BITPIX, BZERO,
 * BSCALE and axes checked against the primary keywords ({@link ArraySpec}) before any value is read. Values travel as
 * the file's own big-endian bytes, never decoded, so float32 bits (NaN payloads included) are kept exactly; uint32
 * flags (PIXELDQ, DQ: int32 with BZERO 2^31) are made unsigned by flipping bit 31 ({@link ArrayType#unsign}).
 * {@link CorrectedIntegration} blocks are in file order; {@code CorrectedRampChunk} values are [row][col][group]
 * ({@link CorrectedPacking}), with PIXELDQ only in the SCIENCE chunks of integration 1. {@code SlopeChunk} values are
 * [row][col]; a RATE product's single plane is integration 0. Every reader reads one block of one integration (or
 * slope plane) at a time straight from the file ({@link FileDataTiler}), so a 1 GB product needs no 1 GB heap.
 */
package org.miri.pixeldb.fits;

import org.miri.pixeldb.fits.chunk.CorrectedPacking;
import org.miri.pixeldb.fits.chunk.RawRampPacking;
import org.miri.pixeldb.fits.groundtest.GroundTestConversion;
import org.miri.pixeldb.fits.jwst.ArraySpec;
import org.miri.pixeldb.fits.jwst.CorrectedIntegration;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.fits.jwst.RawIntegration;
import org.miri.pixeldb.fits.structure.ArrayType;
import org.miri.pixeldb.fits.structure.FileDataTiler;
