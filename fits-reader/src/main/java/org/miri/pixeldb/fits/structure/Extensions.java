package org.miri.pixeldb.fits.structure;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.header.Standard;

/**
 * The HDUs of an opened file: the primary one, and the extensions by EXTNAME. Two extensions with a name the
 * splitter reads make the file ambiguous (which SCI is the data?), so it is rejected rather than read by position.
 */
public final class Extensions {

    private final BasicHDU<?> primary;
    private final Map<String, BasicHDU<?>> byName = new HashMap<>();

    public Extensions(BasicHDU<?>[] hdus) throws RejectedProductException {
        this.primary = hdus[0];
        Map<String, Integer> position = new HashMap<>();
        for (int i = 1; i < hdus.length; i++) {
            String name = hdus[i].getTrimmedString(Standard.EXTNAME);
            if (name == null) {
                continue;
            }
            String key = name.toUpperCase(Locale.ROOT);
            Integer first = position.putIfAbsent(key, i + 1);
            if (first != null && isRead(key)) {
                throw new RejectedProductException("duplicate EXTNAME " + key + ": HDUs " + first + " and " + (i + 1)
                        + " both claim it");
            }
            byName.putIfAbsent(key, hdus[i]);
        }
    }

    private static boolean isRead(String name) {
        return java.util.Arrays.stream(ExtensionName.values()).anyMatch(known -> known.name().equals(name));
    }

    public BasicHDU<?> primary() {
        return primary;
    }

    public boolean has(ExtensionName name) {
        return byName.containsKey(name.name());
    }

    /** The named image extension; rejects the product when it is missing or not an image. */
    public ImageHDU image(ExtensionName name) throws RejectedProductException {
        BasicHDU<?> hdu = byName.get(name.name());
        if (hdu == null) {
            throw new RejectedProductException("the " + name + " extension is missing");
        }
        if (!(hdu instanceof ImageHDU image)) {
            throw new RejectedProductException("the " + name + " extension is a " + hdu.getClass().getSimpleName()
                    + ", not an image");
        }
        return image;
    }
}
