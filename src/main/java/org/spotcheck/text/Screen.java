package org.spotcheck.text;

import java.util.List;

/**
 * One message ready to show.
 *
 * @param html     Telegram HTML, under 4,096 characters
 * @param keyboard rows of buttons
 * @param slot     where it goes
 */
public record Screen(String html, List<List<Button>> keyboard, Slot slot) {

    public enum Slot {
        /** The one question message of a check, edited in place as the person answers. */
        QUESTION,
        /** A result or other health text: a new message that cannot be forwarded or saved. */
        HEALTH,
        /** Anything else: a new message. */
        PAGE,
        /**
         * A page that replaces the message it was tapped on (an edit: no new notification), cannot
         * be forwarded or saved, and is sent anew only if the edit fails. Used by the consent page.
         */
        IN_PLACE,
        /** Take the message tapped off the screen (the consent page's Close); no text of its own. */
        REMOVE
    }

    public Screen {
        keyboard = keyboard.stream().map(List::copyOf).toList();
    }
}
