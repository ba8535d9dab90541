package org.spotcheck.telegram;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Bot API calls made once at start-up, each retried on its own until it works, so a fault in a
 * later step never repeats an earlier one (registering the poller twice fails for good). Waiting
 * out an outage is not a reason to stop: only a bad token (401), or another process polling with
 * the same token (409) for {@link #CONFLICT_LIMIT}, ends start-up, as {@link TelegramBot.Refused}.
 * Steps the bot can serve without (the command menu, the profile texts) are tried a few times and
 * then logged and skipped.
 */
final class StartUp {

    private static final Logger log = LoggerFactory.getLogger(StartUp.class);

    static final Duration CONFLICT_LIMIT = Duration.ofMinutes(1);
    /** Rounds for a step the bot can do without; each round is already BotApi's several attempts. */
    static final int OPTIONAL_ROUNDS = 3;

    /** One start-up call; it may fail as a Bot API call does, or as TelegramBots' own calls do. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws BotApiException, TelegramApiException;
    }

    private final BotApi.Sleeper sleeper;
    private final LongSupplier nanos;

    /** @param sleeper how to wait between rounds; interrupting it ends start-up (a SIGTERM meanwhile) */
    StartUp(BotApi.Sleeper sleeper, LongSupplier nanos) {
        this.sleeper = sleeper;
        this.nanos = nanos;
    }

    /** Runs the step until it works; only a refusal or a stop ends it otherwise. */
    <T> T required(String what, Step<T> step) throws TelegramBot.Refused, InterruptedException {
        var backOff = new BoundedBackOff();
        long conflictSince = -1;
        for (int round = 1; ; round++) {
            try {
                return step.run();
            } catch (BotApiException e) {
                if (e.kind() == BotApiException.Kind.CONFLICT) {
                    conflictSince = conflictSince < 0 ? nanos.getAsLong() : conflictSince;
                    if (nanos.getAsLong() - conflictSince >= CONFLICT_LIMIT.toNanos()) {
                        throw conflict();
                    }
                } else {
                    conflictSince = -1;
                }
                refuseBadToken(e);
                stopIfInterrupted();
                if (worthSaying(round)) {
                    log.warn("start-up: {} failed (round {}), trying again: {}", what, round, e.getMessage());
                }
            } catch (TelegramApiException e) {
                conflictSince = -1;
                if (worthSaying(round)) {
                    log.warn("start-up: {} failed (round {}), trying again: {}", what, round, e.getClass().getSimpleName());
                }
            }
            stopIfInterrupted();
            sleeper.sleep(Duration.ofMillis(backOff.nextBackOffMillis()));
        }
    }

    /** Runs the step a few rounds; if it still fails, says so and lets the bot serve without it. */
    void optional(String what, Step<?> step) throws TelegramBot.Refused, InterruptedException {
        var backOff = new BoundedBackOff();
        for (int round = 1; ; round++) {
            try {
                step.run();
                return;
            } catch (BotApiException e) {
                refuseBadToken(e);
                if (round >= OPTIONAL_ROUNDS || e.kind() == BotApiException.Kind.REFUSED) {
                    log.warn("start-up: {} failed, serving without it: {}", what, e.getMessage());
                    return;
                }
            } catch (TelegramApiException e) {
                if (round >= OPTIONAL_ROUNDS) {
                    log.warn("start-up: {} failed, serving without it: {}", what, e.getClass().getSimpleName());
                    return;
                }
            }
            stopIfInterrupted();
            sleeper.sleep(Duration.ofMillis(backOff.nextBackOffMillis()));
        }
    }

    /** During a long outage, a line for the first rounds and then one a minute or so, not one every few seconds. */
    private static boolean worthSaying(int round) {
        return round <= 3 || round % 12 == 0;
    }

    private static void stopIfInterrupted() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("stopped during start-up");
        }
    }

    private static void refuseBadToken(BotApiException e) throws TelegramBot.Refused {
        if (e.kind() == BotApiException.Kind.UNAUTHORIZED) {
            throw badToken();
        }
    }

    static TelegramBot.Refused badToken() {
        return new TelegramBot.Refused("Telegram refused the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN,"
                + " or get a new one from @BotFather");
    }

    static TelegramBot.Refused conflict() {
        return new TelegramBot.Refused("another process has been polling Telegram with this bot token for a minute"
                + " (409 Conflict): stop it, or delete the bot's webhook, then start again");
    }
}
