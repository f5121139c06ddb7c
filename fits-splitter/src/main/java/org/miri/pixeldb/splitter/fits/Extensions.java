package org.miri.pixeldb.splitter.fits;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.header.Standard;

/** The HDUs of an opened file: the primary one, and the extensions by EXTNAME (the first of each name). */
final class Extensions {

    private final BasicHDU<?> primary;
    private final Map<String, BasicHDU<?>> byName = new HashMap<>();

    Extensions(BasicHDU<?>[] hdus) {
        this.primary = hdus[0];
        for (int i = 1; i < hdus.length; i++) {
            String name = hdus[i].getTrimmedString(Standard.EXTNAME);
            if (name != null) {
                byName.putIfAbsent(name.toUpperCase(Locale.ROOT), hdus[i]);
            }
        }
    }

    BasicHDU<?> primary() {
        return primary;
    }

    boolean has(ExtensionName name) {
        return byName.containsKey(name.name());
    }

    /** The named image extension; rejects the product when it is missing or not an image. */
    ImageHDU image(ExtensionName name) throws RejectedProductException {
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
