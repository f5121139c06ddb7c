package org.miri.pixeldb.api.exposure;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.miri.pixeldb.api.db.SqlQuery;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.api.param.CursorToken;
import org.miri.pixeldb.api.param.Params;

/**
 * Orders of exposure listings and the keyset paging that follows them: (key, id) pairs compared as rows, so a page
 * costs an index range whatever its depth. Unknown dates sort last (as 'infinity').
 */
public enum ExposureSort {
    DATE_OBS, DATE_OBS_DESC, NAME, NAME_DESC;

    public static final String PARAMETER = "sort";
    private static final String DATE_KEY = "coalesce(e.date_obs, 'infinity'::timestamptz)";

    public static ExposureSort parse(String value) {
        if (value == null || value.isBlank()) {
            return DATE_OBS;
        }
        return switch (value.strip()) {
            case "dateObs", "+dateObs" -> DATE_OBS;
            case "-dateObs" -> DATE_OBS_DESC;
            case "name", "+name" -> NAME;
            case "-name" -> NAME_DESC;
            default -> throw ApiException.badRequest(PARAMETER, "sort is dateObs, -dateObs, name or -name");
        };
    }

    /** " and (key, id) > (cursor)" for the page after the cursor; nothing for the first page. */
    public void appendAfter(SqlQuery query, CursorToken cursor, String parameter) {
        if (cursor == null) {
            return;
        }
        String key = key();
        String op = descending() ? "<" : ">";
        if (isDate()) {
            String bound = cursor.key();
            if (!bound.equals("infinity")) {
                try {
                    Instant.parse(bound);
                } catch (DateTimeParseException e) {
                    throw ApiException.badRequest(parameter, parameter + " belongs to another sort order");
                }
                Params.instant(parameter, bound); // a crafted token's date beyond the database's range is a 400
            }
            query.append(" and (" + key + ", e.id) " + op + " (?::timestamptz, ?)", bound, cursor.id());
        } else {
            query.append(" and (" + key + ", e.id) " + op + " (?, ?)", cursor.key(), cursor.id());
        }
    }

    public String orderBy() {
        String direction = descending() ? " desc" : "";
        return " order by " + key() + direction + ", e.id" + direction;
    }

    /** The cursor after an item with this date (null: unknown) or name. */
    public CursorToken cursorAfter(Instant dateObs, String name, long id) {
        if (isDate()) {
            return new CursorToken(dateObs == null ? "infinity" : dateObs.toString(), id);
        }
        return new CursorToken(name, id);
    }

    private boolean isDate() {
        return this == DATE_OBS || this == DATE_OBS_DESC;
    }

    private boolean descending() {
        return this == DATE_OBS_DESC || this == NAME_DESC;
    }

    private String key() {
        return isDate() ? DATE_KEY : "e.name";
    }
}
