package org.spotcheck.telegram;

import java.util.Optional;
import java.util.regex.Pattern;

import org.spotcheck.check.Input;

/**
 * An update reduced to what SpotCheck needs. Names, usernames and typed text are dropped here,
 * at the edge, so nothing further in can keep or log them.
 *
 * @param updateId       Telegram's update id
 * @param chatId         where to answer; becomes a chat key before anything is stored
 * @param privateChat    false for groups and channels, where the bot only points to a private chat
 * @param input          what the person did
 * @param callbackId     the callback query to answer, for a tap; the inbox keeps it only sealed
 * @param tappedMessage  the message whose button was tapped, for a tap
 * @param languageCode   the person's Telegram language, if they shared it
 * @param blocked        the person blocked the bot (my_chat_member "kicked"): erase the chat
 */
record Incoming(int updateId, long chatId, boolean privateChat, Input input, Optional<String> callbackId,
                       Optional<Integer> tappedMessage, String languageCode, boolean blocked) {

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final Pattern CALLBACK_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public Incoming {
        // Only a well-formed code is kept: it is stored in the inbox and chooses the language.
        languageCode = languageCode != null && LANGUAGE.matcher(languageCode).matches() ? languageCode : null;
        callbackId = callbackId.filter(id -> CALLBACK_ID.matcher(id).matches());
    }

    /**
     * The inbox form: SpotCheck's own codes separated by '|', e.g. "tap|a:1:2:0||17|en". A tap
     * keeps only button data that SpotCheck itself could have made. The third field held the
     * callback query id in release 1; it stays empty now (Telegram's ids can carry the user id,
     * so the inbox seals it with the chat id instead).
     */
    public String event() {
        String kind;
        String detail = "";
        if (blocked) {
            kind = "blocked";
        } else if (input instanceof Input.Typed typed) {
            kind = "command";
            detail = typed.command().name();
        } else if (input instanceof Input.Tap tap) {
            kind = "tap";
            detail = tap.action() == null ? "" : CallbackData.encode(tap.action());
        } else {
            kind = "other";
        }
        return String.join("|", kind, detail, "",
                tappedMessage.map(String::valueOf).orElse(""), languageCode == null ? "" : languageCode);
    }

    /** Reads an inbox event back; the chat id and callback id come from the inbox's sealed column. */
    public static Incoming fromEvent(int updateId, long chatId, Optional<String> callbackId, String event) {
        String[] f = event.split("\\|", -1);
        if (f.length != 5) {
            throw new IllegalArgumentException("not an inbox event");
        }
        Input input = switch (f[0]) {
            case "command" -> new Input.Typed(Input.Command.valueOf(f[1]));
            case "tap" -> new Input.Tap(CallbackData.decode(f[1]));
            default -> new Input.Other();
        };
        return new Incoming(updateId, chatId, true, input,
                f[2].isEmpty() ? callbackId : Optional.of(f[2]), // a release 1 row kept it here
                f[3].isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(f[3])),
                f[4].isEmpty() ? null : f[4], f[0].equals("blocked"));
    }
}
