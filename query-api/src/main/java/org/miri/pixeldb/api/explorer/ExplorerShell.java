package org.miri.pixeldb.api.explorer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The HTML shell every explorer page shares, with the served uPlot WebJar's version filled in. Pages run no inline
 * script, so the Content-Security-Policy allows scripts from this origin only: a value from the database shown on a
 * page can never run as code.
 */
@ApplicationScoped
public class ExplorerShell {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private final String template = read("explorer/page.html")
            .replace("{{uplot}}", "/webjars/uplot/" + uplotVersion() + "/dist");

    Response page(String view, String title) {
        String html = template.replace("{{view}}", view).replace("{{title}}", title);
        return Response.ok(html).header("Content-Security-Policy", POLICY).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache").build();
    }

    private static String uplotVersion() {
        Properties pom = new Properties();
        try (InputStream in = resource(UPLOT_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static String read(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the explorer's resource " + name + " is missing from the classpath");
        }
        return in;
    }
}
