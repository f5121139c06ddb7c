#!/usr/bin/env python3
"""Where a process's CPU goes, by kind of work: each sample of a collapsed-stack file (pixeldb flame's .collapsed)
goes to one category. Threads whose whole work is one thing (JIT compilers, GC, the broker's network threads, the
producer's I/O thread) first; then operations, the first rule matching a frame from the leaf towards the root, so
that lz4 inside the Kafka producer inside our splitter counts as lz4; then the context the rest ran in.

  categories.py FILE.collapsed [INTERVAL_MS]     prints categories with samples, share and CPU seconds
"""
import re
import sys
from collections import Counter

THREADS = [  # (category, regex on any frame): whole threads or processes whose work is one thing
    ("JIT compiler threads", r"^CompileBroker::compiler_thread_loop"),
    ("GC threads", r"^(GangWorker::|G1|ConcurrentGCThread::|WorkerThread::run|G1ConcurrentRefine)"),
    ("broker: network threads (socket reads and writes)", r"^kafka/network/(Processor|Acceptor)\."),
    ("Kafka producer I/O thread (Sender: socket writes)", r"^org/apache/kafka/clients/producer/internals/Sender\.run"),
    ("S3Proxy (Jetty, files, MD5)", r"^org/gaul/"),
]

OPERATIONS = [  # (category, regex), tried on each frame from the leaf up: the first frame matching any wins
    ("lz4 compression", r"^net/jpountz/lz4/LZ4.*Compressor|^LZ4_compress"),
    ("lz4 decompression", r"^net/jpountz/lz4/.*Decompressor|^LZ4_decompress|Lz4BlockInputStream"),
    ("CRC32C", r"Crc32C|^java/util/zip/CRC32C|crc32c"),
    ("SHA-256 of the file", r"^sun/security/provider/(SHA|DigestBase)|^sha256_implCompress|FileChecksum"),
    ("transposition (ramp packing)", r"RawRampPacking|CorrectedPacking"),
    ("Avro decoding", r"^org/apache/avro/.*([Dd]ecode|Reader|Resolving)|AvroMessageCodec\.decode"),
    ("Avro encoding", r"^org/apache/avro/|AvroMessageCodec\.encode"),
    ("FITS reading (nom-tam tiler, file reads)", r"^nom/tam/|FileDataTiler|ExtensionBytes"),
    ("S3 download (HTTP, file writes)", r"^software/amazon/awssdk|ObjectDownloader"),
    ("COPY encoding (BinaryCopyEncoder, StripTable)", r"BinaryCopyEncoder|loader/db/StripTable|StripBlock"),
    ("jump counts (GROUPDQ)", r"JumpCountTable\.counts"),
    ("PgJDBC (COPY stream, statements)", r"^org/postgresql/"),
]

CONTEXTS = [  # (category, regex on any frame), in order, for what no operation claimed
    ("broker: produce requests (validate, append to the log)", r"^kafka/server/KafkaApis\.handleProduceRequest"),
    ("broker: fetch requests", r"^kafka/server/KafkaApis\.handleFetchRequest"),
    ("broker: group / transaction coordinators",
     r"^org/apache/kafka/coordinator/|^kafka/coordinator/|KafkaApis\.handle(OffsetCommit|JoinGroup|SyncGroup|Heartbeat|"
     r"TxnOffsetCommit|AddPartitionsToTxn|AddOffsetsToTxn|EndTxn|InitProducerId|FindCoordinator|OffsetFetch)"),
    ("broker: KRaft, controller, metadata",
     r"^org/apache/kafka/(raft|controller|metadata|image)/|^kafka/server/metadata|^kafka/raft|BrokerLifecycleManager"),
    ("broker: request handlers (other requests, responses)", r"^kafka/server/"),
    ("Kafka Streams (ingest status)", r"^org/apache/kafka/streams/"),
    ("Kafka client network I/O (consumer fetches, metadata)",
     r"^org/apache/kafka/clients/(NetworkClient|consumer/internals/(AbstractFetch|Fetch|ConsumerNetworkClient))\."),
    ("Kafka producer (batching, buffers)", r"^org/apache/kafka/clients/producer/"),
    ("Kafka consumer (records, offsets)", r"^org/apache/kafka/clients/consumer/"),
    ("Quarkus HTTP (/q/metrics scrapes, health)", r"^io/(quarkus|vertx|netty|smallrye|micrometer|prometheus)/"),
    ("our code, other", r"^org/miri/"),
]


def name(frame):
    return re.sub(r"_\[[0-9a-z]\]$", "", frame)


def category(frames):
    for cat, rule in THREADS:
        if any(re.search(rule, f) for f in frames):
            return cat
    for frame in reversed(frames):
        for cat, rule in OPERATIONS:
            if re.search(rule, frame):
                return cat
    for cat, rule in CONTEXTS:
        if any(re.search(rule, f) for f in frames):
            return cat
    return "other (JVM, kernel, libraries)"


def main(path, interval_ms=5.0):
    costs, total = Counter(), 0
    for line in open(path):
        line = line.rstrip("\n")
        if line:
            stack, count = line.rsplit(" ", 1)
            costs[category([name(f) for f in stack.split(";")])] += int(count)
            total += int(count)
    print(f"{path}: {total:,} samples = {total * interval_ms / 1000:.1f} CPU s")
    for cat, n in costs.most_common():
        print(f"  {100 * n / total:5.1f} %  {n * interval_ms / 1000:6.1f} s  {cat}")


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 5.0)
