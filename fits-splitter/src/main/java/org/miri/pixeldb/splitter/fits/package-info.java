/**
 * Reading MIRI products from local FITS files: recognition, validation, exposure metadata, and raw ramps cut into
 * Kafka-sized chunks. Plain Java; the Kafka adapter downloads an object to a temporary file and then:
 *
 * <pre>{@code
 * try (ProductFile product = ProductReader.open(tempFile, objectKey)) {      // RejectedProductException: reason()
 *     ExposureDescriptor descriptor = product.descriptor();
 *     Exposure exposure = ExposureMapper.toAvro(descriptor, source, FileChecksum.sha256(tempFile), Instant.now());
 *     if (product.isRaw()) {
 *         RampChunker chunker = new RampChunker();                          // 512 KiB of samples per chunk
 *         int expected = chunker.plan(product.raw().geometry()).chunkCount();
 *         chunker.chunks(product.raw(), exposure.getName(), exposure.getProductChecksum(), chunk -> send(chunk));
 *     }
 * }
 * }</pre>
 *
 * <p>Conventions. Raw samples are unsigned 16-bit ({@code char}, BZERO applied). {@link RawIntegration} blocks are in
 * file order [group][row][col] with 0-based array indices; chunk samples are big-endian in [row][col][group] order
 * ({@link RampPacking}). Chunk coordinates are 1-based full-frame rows and columns; a REFOUT chunk's columns are
 * full-frame reference-output columns ({@link RawGeometry#firstRefCol()}). JPL and OTIS ground-test files are
 * converted to the JWST layout while reading ({@link GroundTestConversion}).
 */
package org.miri.pixeldb.splitter.fits;
