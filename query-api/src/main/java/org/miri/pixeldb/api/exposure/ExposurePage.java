package org.miri.pixeldb.api.exposure;

import java.util.List;

/** One page of an exposure listing; {@code next} is the link to the following page, null on the last. */
public record ExposurePage(List<ExposureSummary> exposures, String next) {
}
