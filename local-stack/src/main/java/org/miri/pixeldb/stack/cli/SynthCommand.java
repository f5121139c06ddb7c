package org.miri.pixeldb.stack.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.miri.pixeldb.model.Subarray;
import org.miri.pixeldb.stack.synth.Defect;
import org.miri.pixeldb.stack.synth.ExposureSpec;
import org.miri.pixeldb.stack.synth.Product;
import org.miri.pixeldb.stack.synth.Scene;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "synth", mixinStandardHelpOptions = true, description = "Writes synthetic MIRI exposures with realistic ramps (bias, slopes, noise, "
        + "jumps, saturation), reproducible from a seed: the raw file in the JWST uncal or the JPL ground-test layout "
        + "and, when asked, the pipeline's corrected products of the same ramps (X_ramp.fits, X_rateints.fits, X_rate.fits). "
        + "A --count series is dated one day apart; --flat and --defect give detector-health tests known truth. "
        + "Prints every file it wrote.")
final class SynthCommand implements Callable<Integer> {

    enum Layout { JWST, JPL }

    @Option(names = "--layout", defaultValue = "JWST", description = "JWST (X_uncal.fits) or JPL (X.fits); default ${DEFAULT-VALUE}.")
    Layout layout;

    @Option(names = "--subarray", defaultValue = "SUB64", converter = SubarrayOption.class,
            completionCandidates = SubarrayOption.class, description = "Any MIRI subarray: ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}.")
    Subarray subarray;

    @Option(names = "--nints", defaultValue = "5", description = "Integrations; default ${DEFAULT-VALUE}.")
    int nints;

    @Option(names = "--ngroups", defaultValue = "20", description = "Groups per integration; default ${DEFAULT-VALUE}.")
    int ngroups;

    @Option(names = "--detector", defaultValue = "MIRIMAGE", description = "MIRIMAGE, MIRIFULONG or MIRIFUSHORT; default ${DEFAULT-VALUE}.")
    String detector;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the ramps; the same seed writes the same file; default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--count", defaultValue = "1", description = "How many exposures (seeds seed, seed+1, ...); default ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--name", description = "Exposure name (file stem); default SYNTH_<subarray>_<nints>x<ngroups>_s<seed>.")
    String name;

    @Option(names = "--products", split = ",", defaultValue = "uncal", converter = ExposureFiles.ProductName.class,
            paramLabel = "PRODUCT", description = ExposureFiles.PRODUCTS_HELP)
    Set<Product> products;

    @Option(names = "--flat", defaultValue = "0", description = "Illuminate every pixel with this many DN per group"
            + " (a flat field, 5 %% pixel response; about 1000 suits --defect) instead of the dark sky with sources;"
            + " default 0, the sky.")
    double flat;

    @Option(names = "--defect", split = ",", paramLabel = "KIND:ROW:COL[:FIRST-LAST]", converter = DefectOption.class,
            description = "Inject a defect (HOT, WARM, DEAD, NOISY, JUMPY) at a full-frame pixel, in every exposure or"
            + " in exposures FIRST to LAST of the --count series (1-based), e.g. HOT:800:10:4-6; needs --flat."
            + " Repeat or separate by commas.")
    List<Defect> defects = List.of();

    @Option(names = "--no-err", description = "Leave the 4-D ERR extension out of X_ramp.fits, as newer pipeline versions do.")
    boolean noErr;

    @Option(names = {"-o", "--out"}, defaultValue = ".", description = "Folder to write to; default the current one.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Scene scene;
        try {
            scene = new Scene(flat, defects, 1);
        } catch (IllegalArgumentException e) {
            System.err.println("pixeldb synth: " + e.getMessage());
            return 2;
        }
        Files.createDirectories(out);
        for (int i = 0; i < count; i++) {
            long exposureSeed = seed + i;
            String stem = name != null && count == 1 ? name
                    : String.format("SYNTH_%s_%dx%d_s%d", subarray.name(), nints, ngroups, exposureSeed);
            ExposureSpec spec = new ExposureSpec(stem, subarray, nints, ngroups, detector, exposureSeed,
                    scene.inSeries(i + 1));
            long started = System.nanoTime();
            Collection<Path> files = ExposureFiles.write(spec, layout, products, !noErr, out).values();
            double seconds = (System.nanoTime() - started) / 1e9;
            for (Path file : files) {
                System.out.printf("%s  %,d bytes%n", file, Files.size(file));
            }
            System.out.printf("%d file%s of %s in %.1f s%n", files.size(), files.size() == 1 ? "" : "s", stem, seconds);
            if (products.contains(Product.RATEINTS) && !Product.RATEINTS.existsFor(nints)) {
                System.out.printf("no %s: NINTS = 1, and the pipeline writes rateints only for NINTS > 1%n",
                        Product.RATEINTS.fileName(stem));
            }
        }
        return 0;
    }
}
