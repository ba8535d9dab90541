package org.spotcheck.telegram;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Reads the answers to getUpdates on their way to TelegramBots, which retries every failure
 * forever. Two answers mean retrying is pointless and the operator must act: 401 (the token was
 * revoked) and 409 for {@link StartUp#CONFLICT_LIMIT} (another process polls with this token).
 */
final class PollWatch implements Interceptor {

    private final Consumer<TelegramBot.Refused> refused;
    private final LongSupplier nanos;
    private long conflictSince = -1;

    PollWatch(Consumer<TelegramBot.Refused> refused, LongSupplier nanos) {
        this.refused = refused;
        this.nanos = nanos;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        seen(response.code());
        return response;
    }

    synchronized void seen(int code) {
        if (code == 401) {
            refused.accept(StartUp.badToken());
        }
        if (code != 409) {
            conflictSince = -1;
            return;
        }
        long now = nanos.getAsLong();
        conflictSince = conflictSince < 0 ? now : conflictSince;
        if (now - conflictSince >= StartUp.CONFLICT_LIMIT.toNanos()) {
            refused.accept(StartUp.conflict());
        }
    }
}
