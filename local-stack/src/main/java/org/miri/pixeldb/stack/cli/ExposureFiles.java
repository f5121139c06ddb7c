package org.miri.pixeldb.stack.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import nom.tam.fits.FitsException;
import org.miri.pixeldb.stack.synth.CorrectedProducts;
import org.miri.pixeldb.stack.synth.ExposureSpec;
import org.miri.pixeldb.stack.synth.JplRawLayout;
import org.miri.pixeldb.stack.synth.JwstRawLayout;
import org.miri.pixeldb.stack.synth.Product;
import picocli.CommandLine.ITypeConverter;

/** The files of one synthetic exposure, as {@code synth} and {@code bench} write them. */
final class ExposureFiles {

    static final String PRODUCTS_HELP = "Products to write, comma-separated: uncal (raw, in --layout), ramp, "
            + "rateints (only when --nints > 1, as the pipeline), rate; default ${DEFAULT-VALUE}.";

    private ExposureFiles() {
    }

    /** @return the files written, by product, uncal first */
    static Map<Product, Path> write(ExposureSpec spec, SynthCommand.Layout layout, Set<Product> products,
            boolean withErr, Path folder) throws IOException, FitsException {
        Map<Product, Path> files = new EnumMap<>(Product.class);
        if (products.contains(Product.UNCAL)) {
            files.put(Product.UNCAL, layout == SynthCommand.Layout.JWST ? JwstRawLayout.write(spec, folder)
                    : JplRawLayout.write(spec, folder));
        }
        files.putAll(CorrectedProducts.write(spec, folder, products, withErr, layout == SynthCommand.Layout.JPL));
        return files;
    }

    /** Lets users type product names in lower case, as they appear in file names. */
    static final class ProductName implements ITypeConverter<Product> {
        @Override
        public Product convert(String value) {
            return Product.named(value);
        }
    }
}
