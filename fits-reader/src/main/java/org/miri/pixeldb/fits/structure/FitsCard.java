package org.miri.pixeldb.fits.structure;

import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.header.Standard;
import nom.tam.util.Cursor;

/**
 * One primary-header card as written, kept so that no header information is lost.
 *
 * @param keyword the keyword; COMMENT and HISTORY cards keep theirs, blank cards have ""
 * @param value   the value as written (strings without their quotes), null for cards without one
 * @param comment the comment, null when there is none
 */
public record FitsCard(String keyword, String value, String comment) {

    /** Every card of the header in file order, END excluded (it is structure, not information). */
    public static List<FitsCard> all(Header header) {
        List<FitsCard> cards = new ArrayList<>(header.getNumberOfCards());
        Cursor<String, HeaderCard> cursor = header.iterator();
        while (cursor.hasNext()) {
            HeaderCard card = cursor.next();
            String keyword = card.getKey();
            if (!Standard.END.key().equals(keyword)) {
                cards.add(new FitsCard(keyword, card.getValue(), emptyToNull(card.getComment())));
            }
        }
        return List.copyOf(cards);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
