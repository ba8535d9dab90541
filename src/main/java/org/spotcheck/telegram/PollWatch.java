package org.spotcheck.telegram;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads the answers to getUpdates on their way to TelegramBots, which retries every failure
 * forever. Two answers mean retrying is pointless and the operator must act: 401 (the token was
 * revoked) and 409 for {@link StartUp#CONFLICT_LIMIT} (another process polls with this token).
 * It also turns the long poll that {@link #stop()} cancels into an empty answer, so an orderly
 * stop does not look like a failure to the library (which would log it as an error).
 */
final class PollWatch implements Interceptor {

    private static final MediaType JSON = MediaType.get("application/json");

    private final Consumer<TelegramBot.Refused> refused;
    private final LongSupplier nanos;
    private long conflictSince = -1;
    private volatile boolean stopping;

    PollWatch(Consumer<TelegramBot.Refused> refused, LongSupplier nanos) {
        this.refused = refused;
        this.nanos = nanos;
    }

    /** From now on a cancelled poll reads as "no updates". */
    void stop() {
        stopping = true;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            if (!stopping) {
                throw e;
            }
            return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200)
                    .message("OK").body(ResponseBody.create("{\"ok\":true,\"result\":[]}", JSON)).build();
        }
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
