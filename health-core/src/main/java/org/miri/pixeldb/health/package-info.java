/**
 * The plain-Java core of detector health (issue 14, items 1 and 2), with no framework: {@code slope} computes
 * quick-look slopes of raw ramps, {@code stats} the sigma-clipped statistics of astropy's
 * {@code sigma_clipped_stats}, and {@code state} the per-exposure pixel states (HOT, WARM, DEAD, NOISY, JUMPY) with
 * their per-integration and per-amplifier statistics. The streaming service of issue 14 wraps it; see
 * docs/decisions/0014-detector-health-rules.md for the rules, their sources and the choices made here.
 */
package org.miri.pixeldb.health;
