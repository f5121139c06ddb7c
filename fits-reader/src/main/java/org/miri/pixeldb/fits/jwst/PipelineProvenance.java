package org.miri.pixeldb.fits.jwst;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.miri.pixeldb.fits.structure.FitsCard;
import org.miri.pixeldb.schemas.Provenance;

/**
 * How the JWST pipeline made a corrected or slope product, from its primary header: the software and CRDS versions,
 * and every step-status (S_*) and reference-file (R_*) keyword in file order. Step and reference-file keywords are
 * collected by prefix, not listed, because each pipeline version adds its own.
 */
final class PipelineProvenance {

    private static final String STEP_PREFIX = "S_";
    private static final String REFERENCE_FILE_PREFIX = "R_";

    private PipelineProvenance() {
    }

    static Provenance of(List<FitsCard> primaryHeader) {
        Map<String, String> steps = new LinkedHashMap<>();
        Map<String, String> referenceFiles = new LinkedHashMap<>();
        for (FitsCard card : primaryHeader) {
            String value = trimmed(card.value());
            if (value == null) {
                continue;
            }
            if (card.keyword().startsWith(STEP_PREFIX)) {
                steps.putIfAbsent(card.keyword(), value);
            } else if (card.keyword().startsWith(REFERENCE_FILE_PREFIX)) {
                referenceFiles.putIfAbsent(card.keyword(), value);
            }
        }
        return Provenance.newBuilder()
                .setCalVer(value(primaryHeader, MiriKeyword.CAL_VER))
                .setCalVcs(value(primaryHeader, MiriKeyword.CAL_VCS))
                .setCrdsVer(value(primaryHeader, MiriKeyword.CRDS_VER))
                .setCrdsCtx(value(primaryHeader, MiriKeyword.CRDS_CTX))
                .setSteps(steps)
                .setReferenceFiles(referenceFiles)
                .build();
    }

    /** The first card's trimmed value, as FITS reads a repeated keyword; null when absent or blank. */
    private static String value(List<FitsCard> header, MiriKeyword keyword) {
        return header.stream().filter(card -> keyword.key().equals(card.keyword())).findFirst()
                .map(card -> trimmed(card.value())).orElse(null);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
