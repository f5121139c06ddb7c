package org.miri.pixeldb.health.state;

/** Checks of settings, each naming the setting and the value it refused. */
final class Require {

    private Require() {
    }

    static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
    }

    static void notNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
    }

    /** A fraction in (0, 1], or (0, 1) when {@code oneAllowed} is false. */
    static void fraction(String name, double value, boolean oneAllowed) {
        boolean inside = value > 0 && (oneAllowed ? value <= 1 : value < 1);
        if (!inside) {
            throw new IllegalArgumentException(name + " must be a fraction in (0, 1" + (oneAllowed ? "]" : ")")
                    + ", got " + value);
        }
    }
}
