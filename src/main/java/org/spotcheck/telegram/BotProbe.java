package org.spotcheck.telegram;

import java.net.URI;
import java.time.Duration;

import org.spotcheck.config.SettingsException;
import org.spotcheck.config.SettingsLoader;
import org.spotcheck.log.Redactor;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import okhttp3.OkHttpClient;

/**
 * One getMe with short timeouts and no retry, for --check: a wrong token or address should be
 * named at once, not retried like the serving bot does.
 */
public final class BotProbe {

    private BotProbe() {
    }

    /** The bot's username, or a SettingsException naming the setting that is wrong. */
    public static String username(String token, URI apiUrl, Duration timeout) {
        var redactor = new Redactor(token);
        var http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout.multipliedBy(2))
                .build();
        try {
            return new OkHttpTelegramClient(http, token, TelegramBot.telegramUrl(apiUrl)).execute(new GetMe()).getUserName();
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (code != null && (code == 401 || code == 404)) {
                throw new SettingsException(SettingsLoader.TOKEN + ": the Bot API at " + apiUrl + " refused the token ("
                        + code + " " + redactor.redact(e.getApiResponse()) + "); copy it again from @BotFather");
            }
            throw new SettingsException(SettingsLoader.API_URL + ": " + apiUrl + " answered getMe with " + code + " "
                    + redactor.redact(e.getApiResponse()));
        } catch (TelegramApiException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SettingsException(SettingsLoader.API_URL + ": cannot reach the Bot API at " + apiUrl + " ("
                    + redactor.describe(cause) + ")");
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
