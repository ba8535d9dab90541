package org.spotcheck.telegram;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * After a deploy, the first answer to getUpdates can hold a hundred people's /start, and Jackson
 * meets Telegram's Update for the first time right then: loading and wiring its readers for the
 * whole Update/Message graph took 1.2–2 s on the project's two busy cores, and the whole first
 * burst waited for it. Reading two sample updates on a thread of its own while start-up waits on
 * the network (getMe, deleteWebhook) builds those readers before anyone waits.
 */
final class ColdStart {

    private static final Logger log = LoggerFactory.getLogger(ColdStart.class);

    /** A /start and a tap on a button, shaped as Telegram sends them; nothing of it is real. */
    private static final String SAMPLE = """
            {"ok":true,"result":[
             {"update_id":1,"message":{"message_id":1,"date":1700000000,"text":"/start",
              "chat":{"id":1,"type":"private"},"from":{"id":1,"is_bot":false,"first_name":"A","language_code":"en"},
              "entities":[{"type":"bot_command","offset":0,"length":6}]}},
             {"update_id":2,"callback_query":{"id":"1","chat_instance":"1","data":"begin",
              "from":{"id":1,"is_bot":false,"first_name":"A","language_code":"en"},
              "message":{"message_id":2,"date":1700000000,"text":"A","chat":{"id":1,"type":"private"},
               "reply_markup":{"inline_keyboard":[[{"text":"A","callback_data":"begin"}]]}}}}]}""";

    private ColdStart() {
    }

    /**
     * Starts the warm-up beside start-up; it never fails the start, at worst the first burst is slower.
     *
     * @param requests the mapper the Bot API client writes its requests with
     */
    static void warmUpInBackground(ObjectMapper requests) {
        var thread = new Thread(() -> warmUp(requests), "warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warmUp(ObjectMapper requests) {
        try {
            // Telegram's answers are read by one shared reader inside TelegramBots: these calls warm exactly that.
            for (var update : GetUpdates.builder().build().deserializeResponse(SAMPLE)) {
                UpdateReader.read(update);
            }
            // Requests are written by the client's own mapper, which builds its writers on first use too.
            var keyboard = new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(
                    InlineKeyboardButton.builder().text("A").callbackData("begin").build())));
            requests.writeValueAsString(SendMessage.builder().chatId(1L).text("A").parseMode("HTML")
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).protectContent(true)
                    .replyMarkup(keyboard).build());
            requests.writeValueAsString(EditMessageText.builder().chatId(1L).messageId(1).text("A").parseMode("HTML")
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).replyMarkup(keyboard).build());
            requests.writeValueAsString(AnswerCallbackQuery.builder().callbackQueryId("1").build());
            requests.writeValueAsString(DeleteMessage.builder().chatId(1L).messageId(1).build());
        } catch (Exception | LinkageError e) {
            log.debug("warm-up skipped: {}", e.getClass().getSimpleName());
        }
    }
}
