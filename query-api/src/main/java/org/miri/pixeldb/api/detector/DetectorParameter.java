package org.miri.pixeldb.api.detector;

import java.util.Arrays;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.model.Detector;

/** A detector parameter of a request: a MIRI name in any case or an SCA_ID. */
public final class DetectorParameter {

    private DetectorParameter() {
    }

    /** The detector {@code value} names; 400 naming the parameter for anything else. */
    public static Detector resolve(String parameter, String value) {
        return Detector.parse(value).orElseThrow(() -> ApiException.badRequest(parameter, "unknown detector; use one of "
                + Arrays.stream(Detector.values()).map(d -> d.name() + " (" + d.scaId() + ")").toList()));
    }
}
