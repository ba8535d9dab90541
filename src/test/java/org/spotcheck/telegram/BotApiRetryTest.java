package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.spotcheck.log.Redactor;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * BotApi's one retry policy, on both paths, at the edge where the HTTP client answers: the client
 * is a mock, the waits are recorded instead of waited, so nothing here takes time.
 */
@ExtendWith(MockitoExtension.class)
class BotApiRetryTest {

    private static final User BOT = new User(1234567L, "SpotCheck", true);

    @Mock
    TelegramClient client;

    /** Every wait the policy asked for, in order; none is waited. */
    private final List<Duration> waits = new ArrayList<>();
    /** Where asynchronous calls completed: the chats' workers, here a recording executor. */
    private final List<Runnable> completedOnWorkers = new ArrayList<>();
    private final Executor workers = task -> {
        completedOnWorkers.add(task);
        task.run();
    };

    private BotApi api() {
        return new BotApi(client, new Redactor("1234567:token"), waits::add, (delay, task) -> {
            waits.add(delay);
            task.run();
        }, workers);
    }

    private static TelegramApiRequestException answer(int code, String description, Integer retryAfter) {
        var parameters = retryAfter == null ? null : new ResponseParameters(null, retryAfter);
        return new TelegramApiRequestException("Error", new ApiResponse<>(false, code, description, parameters, null));
    }

    private static TelegramApiRequestException tooManyRequests(int retryAfter) {
        return answer(429, "Too Many Requests: retry after " + retryAfter, retryAfter);
    }

    private static TelegramApiRequestException badGateway() {
        return answer(502, "Bad Gateway", null);
    }

    /** What TelegramBots makes of a proxy's HTML page: no code, the body was not the API's JSON. */
    private static TelegramApiRequestException proxyPage() {
        return new TelegramApiRequestException("Unable to deserialize response", new IOException("not JSON"));
    }

    private static <T> CompletableFuture<T> failed(Throwable e) {
        return CompletableFuture.failedFuture(e);
    }

    // ---------------------------------------------------------------- the blocking path

    @Test
    void aTooManyRequestsAnswerIsRetriedAfterTheWaitTelegramAsksFor() throws Exception {
        when(client.execute(any(GetMe.class))).thenThrow(tooManyRequests(7)).thenReturn(BOT);

        assertThat(api().call(new GetMe())).isEqualTo(BOT);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterLongerThanAMinuteIsCappedAtAMinute() throws Exception {
        when(client.execute(any(GetMe.class))).thenThrow(tooManyRequests(3_600)).thenReturn(BOT);

        api().call(new GetMe());

        assertThat(waits).containsExactly(BotApi.MAX_RETRY_AFTER);
    }

    @Test
    void serverErrorsProxyPagesAndTheNetworkBackOffDoublingWithJitter() throws Exception {
        when(client.execute(any(GetMe.class))).thenThrow(badGateway(), proxyPage(),
                new TelegramApiException("timeout", new IOException("timeout")), badGateway()).thenReturn(BOT);

        assertThat(api().call(new GetMe())).isEqualTo(BOT);

        assertThat(waits).hasSize(4);
        for (int i = 0; i < waits.size(); i++) {
            long ceiling = BotApi.FIRST_BACKOFF.toMillis() << i;
            assertThat(waits.get(i).toMillis()).as("wait %d", i + 1).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void theBackOffNeverGrowsPastItsCap() throws Exception {
        when(client.execute(any(GetMe.class))).thenThrow(badGateway(), badGateway(), badGateway(), badGateway(),
                badGateway()).thenReturn(BOT);

        api().call(new GetMe());

        assertThat(waits).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(BotApi.MAX_BACKOFF));
    }

    @Test
    void afterSixFailedAttemptsTheCallFailsAsWorthTryingLater() throws Exception {
        when(client.execute(any(GetMe.class))).thenThrow(badGateway());

        var e = catchThrowableOfType(BotApiException.class, () -> api().call(new GetMe()));

        assertThat(e.kind()).isEqualTo(BotApiException.Kind.FAILED);
        verify(client, times(BotApi.MAX_ATTEMPTS)).execute(any(GetMe.class));
        assertThat(waits).hasSize(BotApi.MAX_ATTEMPTS - 1);
    }

    @Test
    void aRefusedTokenIsNotRetried() throws Exception {
        when(client.execute(any(GetMe.class))).thenThrow(answer(401, "Unauthorized", null));

        var e = catchThrowableOfType(BotApiException.class, () -> api().call(new GetMe()));

        assertThat(e.kind()).isEqualTo(BotApiException.Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).doesNotContain("1234567:token");
        assertThat(waits).isEmpty();
    }

    @Test
    void aConflictIsNotRetriedHereButReportedAsSuch() throws Exception {
        when(client.execute(any(GetMe.class))).thenThrow(answer(409, "Conflict: terminated by other getUpdates request", null));

        var e = catchThrowableOfType(BotApiException.class, () -> api().call(new GetMe()));

        assertThat(e.kind()).isEqualTo(BotApiException.Kind.CONFLICT);
        assertThat(waits).isEmpty();
    }

    @Test
    void aBlockedBotIsReportedAtOnce() throws Exception {
        when(client.execute(any(GetMe.class))).thenThrow(answer(403, "Forbidden: bot was blocked by the user", null));

        var e = catchThrowableOfType(BotApiException.class, () -> api().call(new GetMe()));

        assertThat(e.kind()).isEqualTo(BotApiException.Kind.BLOCKED);
        assertThat(waits).isEmpty();
    }

    @Test
    void aStopDuringTheWaitEndsTheCallAtOnce() throws Exception {
        when(client.execute(any(GetMe.class))).thenThrow(tooManyRequests(30));
        var stopping = new BotApi(client, new Redactor("1234567:token"), d -> {
            throw new InterruptedException("stopping");
        }, (d, task) -> task.run(), workers);

        var e = catchThrowableOfType(BotApiException.class, () -> stopping.call(new GetMe()));

        assertThat(e.kind()).isEqualTo(BotApiException.Kind.FAILED);
        assertThat(Thread.interrupted()).as("the interruption is kept for the caller").isTrue();
        verify(client, times(1)).execute(any(GetMe.class));
    }

    // ---------------------------------------------------------------- the asynchronous path, same policy

    @Test
    void asynchronouslyATooManyRequestsAnswerWaitsWhatTelegramAsksForAndCompletesOnTheWorkers() throws Exception {
        when(client.executeAsync(any(GetMe.class))).thenReturn(failed(tooManyRequests(7)),
                CompletableFuture.completedFuture(BOT));

        var result = api().callAsync(new GetMe());

        assertThat(result.get()).isEqualTo(BOT);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(completedOnWorkers).as("completions handed to the workers").hasSize(1);
    }

    @Test
    void asynchronouslyServerErrorsBackOffAsTheBlockingPathDoes() throws Exception {
        when(client.executeAsync(any(GetMe.class))).thenReturn(failed(badGateway()), failed(proxyPage()),
                failed(badGateway()), CompletableFuture.completedFuture(BOT));

        assertThat(api().callAsync(new GetMe()).get()).isEqualTo(BOT);

        assertThat(waits).hasSize(3);
        for (int i = 0; i < waits.size(); i++) {
            long ceiling = BotApi.FIRST_BACKOFF.toMillis() << i;
            assertThat(waits.get(i).toMillis()).as("wait %d", i + 1).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void asynchronouslyAfterSixFailedAttemptsTheFutureFailsAsWorthTryingLater() throws Exception {
        when(client.executeAsync(any(GetMe.class))).thenReturn(failed(badGateway()));

        var result = api().callAsync(new GetMe());

        var e = catchThrowableOfType(ExecutionException.class, result::get);
        assertThat(e.getCause()).isInstanceOfSatisfying(BotApiException.class,
                f -> assertThat(f.kind()).isEqualTo(BotApiException.Kind.FAILED));
        verify(client, times(BotApi.MAX_ATTEMPTS)).executeAsync(any(GetMe.class));
    }

    @Test
    void asynchronouslyAMessageThatIsNotModifiedCountsAsDone() throws Exception {
        when(client.executeAsync(any(GetMe.class))).thenReturn(failed(answer(400,
                "Bad Request: message is not modified: specified new message content and reply markup are exactly"
                        + " the same", null)));

        var result = api().callAsync(new GetMe());

        assertThat(result.get()).isNull();
        assertThat(waits).isEmpty();
    }

    @Test
    void aRetryDueAfterTheBotStoppedIsDroppedAndNothingFollows() throws Exception {
        when(client.executeAsync(any(GetMe.class))).thenReturn(failed(badGateway()));
        var stopped = new BotApi(client, new Redactor("1234567:token"), waits::add, (delay, task) -> {
            throw new RejectedExecutionException("stopped");
        }, workers);

        var result = stopped.callAsync(new GetMe());

        assertThat(result).isNotDone();
        verify(client, times(1)).executeAsync(any(GetMe.class));
    }

    @Test
    void anAnswerThatComesAfterTheWorkersStoppedCompletesNothing() throws Exception {
        when(client.executeAsync(any(GetMe.class))).thenReturn(CompletableFuture.completedFuture(BOT));
        var stopped = new BotApi(client, new Redactor("1234567:token"), waits::add, (d, task) -> task.run(), task -> {
            throw new RejectedExecutionException("workers stopped");
        });

        assertThat(stopped.callAsync(new GetMe())).isNotDone();
    }
}
