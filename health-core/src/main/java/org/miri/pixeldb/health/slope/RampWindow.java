package org.miri.pixeldb.health.slope;

/**
 * The groups a quick-look slope uses (issue 14, item 1): the groups after the first and before the last, or every
 * group when NGROUPS <= 3. MIRI's first and last groups are the least trustworthy (reset anomaly and RSCD at the
 * start, the last-frame effect at the end: the pipeline's firstframe and lastframe steps flag them DO_NOT_USE), and
 * the rule drops them without needing any reference file. Group indices are 0-based and inclusive.
 *
 * @param ngroups NGROUPS of the exposure
 * @param first the first group used
 * @param last the last group used
 */
public record RampWindow(int ngroups, int first, int last) {

    /**
     * The largest NGROUPS accepted: the fit's exact integer sums (n * sum(g * dn)) stay inside a {@code long} up to
     * about 60,000 groups of 16-bit samples; MIRI exposures have far fewer.
     */
    public static final int MAX_GROUPS = 50_000;

    public RampWindow {
        if (ngroups < 1 || ngroups > MAX_GROUPS) {
            throw new IllegalArgumentException("NGROUPS must be between 1 and " + MAX_GROUPS + ", got " + ngroups);
        }
        if (first < 0 || last >= ngroups || first > last) {
            throw new IllegalArgumentException("groups " + first + ".." + last + " are not a window of the "
                    + ngroups + " groups");
        }
    }

    /** The window the quick-look rule uses for NGROUPS groups. */
    public static RampWindow quickLook(int ngroups) {
        if (ngroups <= 3) {
            return new RampWindow(ngroups, 0, ngroups - 1);
        }
        return new RampWindow(ngroups, 1, ngroups - 2);
    }

    /** How many groups the window holds (before leaving out saturated samples). */
    public int size() {
        return last - first + 1;
    }
}
