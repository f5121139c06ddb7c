package org.miri.pixeldb.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource whose every method, reads included, needs a token of role EXPORT or ADMIN: exports cost the
 * servers minutes and their files hold whole exposures, so they are never open, whatever reads need.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExportAccess {
}
