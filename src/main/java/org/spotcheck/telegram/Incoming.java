package org.spotcheck.telegram;

import java.util.Optional;

import org.spotcheck.check.Input;

/**
 * An update reduced to what SpotCheck needs. Names, usernames and typed text are dropped here,
 * at the edge, so nothing further in can keep or log them.
 *
 * @param updateId       Telegram's update id
 * @param chatId         where to answer; becomes a chat key before anything is stored
 * @param privateChat    false for groups and channels, where the bot only points to a private chat
 * @param input          what the person did
 * @param callbackId     the callback query to answer, for a tap
 * @param tappedMessage  the message whose button was tapped, for a tap
 * @param languageCode   the person's Telegram language, if they shared it
 * @param blocked        the person blocked the bot (my_chat_member "kicked"): erase the chat
 */
public record Incoming(int updateId, long chatId, boolean privateChat, Input input, Optional<String> callbackId,
                       Optional<Integer> tappedMessage, String languageCode, boolean blocked) {
}
