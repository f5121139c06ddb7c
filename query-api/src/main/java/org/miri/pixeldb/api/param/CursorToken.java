package org.miri.pixeldb.api.param;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.miri.pixeldb.api.error.ApiException;

/**
 * Opaque paging positions: the sort key of the last item served and its id, so that the next page continues after
 * it even while exposures are added. Tokens are base64url text; anything that does not decode to a position is a
 * 400, never a query.
 *
 * @param key the last item's sort key as text (an epoch-microsecond time, or a name), never containing '|'
 * @param id  the last item's id, the tie breaker
 */
public record CursorToken(String key, long id) {

    private static final String VERSION = "c1";

    public String encode() {
        String plain = VERSION + "|" + key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a token; null for an absent token. */
    public static CursorToken decode(String name, String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            if (token.length() > 400) {
                throw new IllegalArgumentException("too long");
            }
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].chars().allMatch(c -> c >= 0x20)) {
                throw new IllegalArgumentException("not a position");
            }
            return new CursorToken(parts[1], Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, name + " is not a paging token of this API; use the 'next' link of"
                    + " the previous page as it is");
        }
    }
}
