package org.miri.pixeldb.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that runs the whole system as processes ({@code ./pixeldb up}, real uploads, kills): minutes each,
 * about 20 of the full suite's 27. {@code ./mvnw verify} (and CI) runs them; {@code ./mvnw verify -Pquick} leaves
 * them out for a run of every other test in a few minutes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(StackTest.TAG)
public @interface StackTest {

    /** The JUnit tag, excluded by the quick profile of the root pom. */
    String TAG = "stack";
}
