package org.miri.pixeldb.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST that changes nothing (it sends a file to be compared, too large for a query string): it is a read for
 * {@link BearerTokenFilter}, open like a GET unless reads need a token.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadsOnly {
}
