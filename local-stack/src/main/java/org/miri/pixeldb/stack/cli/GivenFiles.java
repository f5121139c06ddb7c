package org.miri.pixeldb.stack.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.miri.pixeldb.platform.db.ForgottenExposure;
import org.miri.pixeldb.stack.synth.Product;

/** Real files a benchmark drops instead of a synthetic exposure, e.g. the shared SUB64 products. */
final class GivenFiles {

    private static final Pattern SUFFIX = Pattern.compile("(_pipe)?(_uncal|_ramp|_rateints|_rate)?\\.fits$");
    // Deleting the exposure deletes every product of it; the files' checksums find it whatever its name.
    private static final String HOLDING_ANY = "e.id in (select exposure_id from product where checksum = any(?))";

    private GivenFiles() {
    }

    /** The product a file is, by the name the pipeline gives it (a raw file has no product suffix, or _uncal). */
    static Product product(Path file) {
        String name = file.getFileName().toString();
        for (Product product : List.of(Product.RATEINTS, Product.RATE, Product.RAMP)) {
            if (name.endsWith(product.fileName(""))) {
                return product;
            }
        }
        return Product.UNCAL;
    }

    /** The exposure name the splitter derives: the file stem without product suffix. */
    static String exposure(Path file) {
        return SUFFIX.matcher(file.getFileName().toString()).replaceFirst("");
    }

    /** Deletes the exposures already holding any of the files, so that they load afresh; returns how many. */
    static int forget(Connection db, List<Path> files) throws SQLException, IOException {
        return ForgottenExposure.deleteWhere(db, HOLDING_ANY,
                db.createArrayOf("text", files.stream().map(GivenFiles::sha256).toArray())).size();
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
