package org.miri.pixeldb.fits.jwst;

import java.util.List;
import java.util.regex.Pattern;
import org.miri.pixeldb.fits.structure.RejectedProductException;

/**
 * The exposure name is the object's file name without its product suffix: X_uncal.fits, X_pipe.fits, X.fits,
 * X_ramp.fits, X_pipe_ramp.fits, X_rateints.fits, X_pipe_rateints.fits, X_rate.fits and X_pipe_rate.fits all belong to
 * exposure X. Names become database keys and file names downstream, so anything unusual is rejected, not cleaned.
 */
public final class ExposureName {

    private static final String EXTENSION = ".fits";
    /** Longest first, so that X_pipe_rate.fits loses "_pipe_rate" and not just "_rate". */
    private static final List<String> PRODUCT_SUFFIXES = List.of("_pipe_rateints", "_pipe_ramp", "_pipe_rate",
            "_rateints", "_uncal", "_pipe", "_ramp", "_rate");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._+-]+");
    private static final int MAX_LENGTH = 200;

    private ExposureName() {
    }

    /** The exposure name for an object key such as {@code incoming/2018/X_uncal.fits}. */
    public static String fromObjectKey(String key) throws RejectedProductException {
        if (key == null || key.isEmpty()) {
            throw new RejectedProductException("the object key is empty");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new RejectedProductException("object key '" + key + "' has a '" + segment + "' path segment");
            }
        }
        String fileName = key.substring(key.lastIndexOf('/') + 1);
        if (fileName.isEmpty()) {
            throw new RejectedProductException("object key '" + key + "' ends in '/': it names no file");
        }
        if (!SAFE.matcher(fileName).matches()) {
            throw new RejectedProductException("file name '" + fileName + "' has characters outside [A-Za-z0-9._+-]");
        }
        if (!fileName.endsWith(EXTENSION)) {
            throw new RejectedProductException("file name '" + fileName + "' does not end in " + EXTENSION);
        }
        String stem = fileName.substring(0, fileName.length() - EXTENSION.length());
        String name = PRODUCT_SUFFIXES.stream().filter(stem::endsWith).findFirst()
                .map(suffix -> stem.substring(0, stem.length() - suffix.length())).orElse(stem);
        if (name.isEmpty() || name.startsWith(".") || name.length() > MAX_LENGTH) {
            throw new RejectedProductException("file name '" + fileName + "' leaves no usable exposure name ('"
                    + name + "'): it must be 1-" + MAX_LENGTH + " characters, not starting with '.'");
        }
        return name;
    }
}
