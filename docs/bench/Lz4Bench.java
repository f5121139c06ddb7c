import java.nio.file.Files;
import java.nio.file.Path;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * lz4 in 64 kB blocks (Kafka's framing) of a file's data, Java codec against JNI, two passes each (the first warms
 * the JIT). Decision 0026. Usage, with the lz4-java jar the build resolved:
 * java -cp ~/.m2/repository/at/yawk/lz4/lz4-java/1.14.1/lz4-java-1.14.1.jar docs/bench/Lz4Bench.java FILE.fits
 */
public class Lz4Bench {
    private static final int BLOCK = 1 << 16;
    private static final int HEADER = 8640; // skip the primary header: blocks of data only

    public static void main(String[] args) throws Exception {
        byte[] file = Files.readAllBytes(Path.of(args[0]));
        int n = Math.min(file.length - HEADER, 64 << 20) / BLOCK * BLOCK;
        for (int pass = 1; pass <= 2; pass++) {
            run("Java (fastestJavaInstance)", LZ4Factory.fastestJavaInstance(), file, n, pass);
            run("JNI (nativeInstance)", LZ4Factory.nativeInstance(), file, n, pass);
        }
    }

    private static void run(String name, LZ4Factory codec, byte[] file, int n, int pass) {
        LZ4Compressor compressor = codec.fastCompressor();
        LZ4SafeDecompressor decompressor = codec.safeDecompressor();
        byte[] out = new byte[compressor.maxCompressedLength(BLOCK)];
        byte[] back = new byte[BLOCK];
        long compressed = 0, total = 0, compressing = 0, decompressing = 0;
        for (int repeat = 0; repeat < 8; repeat++) {
            for (int off = HEADER; off + BLOCK <= HEADER + n; off += BLOCK) {
                long t0 = System.nanoTime();
                int len = compressor.compress(file, off, BLOCK, out, 0, out.length);
                long t1 = System.nanoTime();
                decompressor.decompress(out, 0, len, back, 0);
                decompressing += System.nanoTime() - t1;
                compressing += t1 - t0;
                compressed += len;
                total += BLOCK;
            }
        }
        System.out.printf("pass %d %-28s ratio %.3f  compression %,5.0f MB/s  decompression %,5.0f MB/s%n", pass, name,
                (double) compressed / total, total / (compressing / 1e3), total / (decompressing / 1e3));
    }
}
