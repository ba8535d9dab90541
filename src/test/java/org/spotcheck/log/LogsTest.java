package org.spotcheck.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

/** Every line the log writes, text or JSON, has the token removed, also from exceptions and their causes. */
class LogsTest {

    private static final String TOKEN = "7304455:AAFqL9xkX2mZp4vT8wQeR6sYb3nH1cJ0dUg";
    private static final String URL = "https://api.telegram.org/bot" + TOKEN + "/sendMessage";

    @Test
    void aTextLineCarriesNoTokenInItsMessageExceptionOrCause() {
        String line = encode("text");

        assertThat(line).contains("WARN", "sendMessage failed", "IllegalStateException", "<token>").doesNotContain(TOKEN)
                .doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1));
    }

    @Test
    void aJsonLineIsOneObjectWithTheMessageAndCarriesNoToken() throws IOException {
        String line = encode("json");

        assertThat(line.strip().lines()).hasSize(1);
        var json = new ObjectMapper().readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("WARN");
        assertThat(json.path("formattedMessage").asText()).isEqualTo("call to https://api.telegram.org/bot<token>/sendMessage failed");
        assertThat(line).contains("IllegalStateException").doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1));
    }

    @Test
    void aTextEventWithAStackTraceAndCausesIsOneLine() {
        String line = encode("text");

        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.lines()).singleElement().asString()
                .contains("call to", "IllegalStateException", " | at org.spotcheck", " | Caused by: java.io.IOException");
    }

    @Test
    void aJsonEventWithAStackTraceIsOneLine() {
        assertThat(encode("json").lines()).hasSize(1);
    }

    /** An operator's own logback.xml (-Dlogback.configurationFile) names the encoder; Logback builds it by name. */
    @Test
    void anOperatorsOwnLogbackXmlNamingTheEncoderWritesLinesWithoutTheToken(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("spotcheck.log");
        Path xml = Files.writeString(folder.resolve("logback.xml"), """
                <configuration>
                  <appender name="file" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder class="org.spotcheck.log.RedactingEncoder">
                      <pattern>%%-5level %%logger - %%msg%%n</pattern>
                    </encoder>
                  </appender>
                  <root level="INFO">
                    <appender-ref ref="file"/>
                  </root>
                </configuration>
                """.formatted(log));
        var context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // as Logback's own start-up gives its context
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(xml.toFile());
        RedactingEncoder.hide(new Redactor(TOKEN));

        context.getLogger("org.spotcheck.telegram.BotApi").warn("call to {} failed", URL);
        context.stop();

        assertThat(log).exists();
        assertThat(Files.readString(log)).startsWith("WARN  org.spotcheck.telegram.BotApi - call to https://api.telegram.org/bot<token>/sendMessage failed")
                .doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1));
    }

    @Test
    void theSettingsSwitchARunningLogToJsonAndDebug() {
        var context = new LoggerContext();
        new LogSetup().configure(context);

        LogSetup.reconfigure(context, "json", "debug");

        var appender = (ch.qos.logback.core.ConsoleAppender<?>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender("stderr");
        assertThat(((RedactingEncoder) appender.getEncoder()).format()).isEqualTo("json");
        assertThat(appender.isStarted()).isTrue();
        assertThat(context.getLogger("org.spotcheck").getLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void aJsonLineIsTimedToTheHourOnlyAtEveryLevel() throws IOException {
        var json = new ObjectMapper().readTree(encode("json", "%msg%n"));

        assertThat(json.path("timestamp").asLong()).as("epoch millis").isPositive()
                .satisfies(millis -> assertThat(millis % 3_600_000L).isZero());
    }

    @Test
    void aTextLineIsTimedToTheHourOnlyWhateverThePatternAsksFor() {
        String line = encode("text", "%d{yyyy-MM-dd'T'HH:mm:ss.SSS, UTC} %msg%n");

        assertThat(line).matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:00:00\\.000 call to .*");
    }

    @Test
    void aTextLineShowsNoMicrosecondsOfItsEvent() {
        assertThat(encode("text", "%micros %msg%n")).startsWith("000 call to");
    }

    private static String encode(String format) {
        return encode(format, "%-5level %logger - %msg%n");
    }

    private static String encode(String format, String pattern) {
        var context = new LoggerContext();
        var encoder = new RedactingEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setPattern(pattern);
        encoder.start();
        RedactingEncoder.hide(new Redactor(TOKEN));
        var error = new IllegalStateException("gave up on " + URL, new java.io.IOException("closed: " + URL));
        var event = new LoggingEvent("test", context.getLogger("org.spotcheck.telegram.BotApi"), Level.WARN,
                "call to {} failed", error, new Object[] {URL});
        event.setMDCPropertyMap(Map.of()); // as Logback's own context gives a line logged outside the warm-up
        return new String(encoder.encode(event), UTF_8);
    }

    @Test
    void theWarmUpsDebugLinesAreLeftOutAndItsInfoLinesKept() throws Exception {
        var quiet = new LogSetup.QuietWarmUp();

        var onTheWarmUp = decisions(quiet, "bot-api-7", true);

        assertThat(onTheWarmUp).containsExactly(
                ch.qos.logback.core.spi.FilterReply.DENY, ch.qos.logback.core.spi.FilterReply.NEUTRAL);
    }

    @Test
    void debugLinesWithoutTheRehearsalsMarkStayWhateverTheirThread() throws Exception {
        var quiet = new LogSetup.QuietWarmUp();

        for (String thread : java.util.List.of("chat-worker-1", "warm-up")) {
            assertThat(decisions(quiet, thread, false)).as(thread).containsExactly(
                    ch.qos.logback.core.spi.FilterReply.NEUTRAL, ch.qos.logback.core.spi.FilterReply.NEUTRAL);
        }
    }

    @Test
    void aLineOfTheRehearsalShowsItsMarkAndARealOneNone() {
        assertThat(encodeWithPattern(true, "warmed up")).contains(" - [rehearsal] warmed up");
        assertThat(encodeWithPattern(false, "update 8 chat 73b5fbc7: applied"))
                .contains(" - update 8 chat 73b5fbc7: applied").doesNotContain("rehearsal", "[]");
    }

    @Test
    void aJsonLineOfTheRehearsalCarriesItsMark() throws IOException {
        var json = new ObjectMapper().readTree(encodeJson(true));

        assertThat(json.path("mdc").path(Logs.REHEARSAL).asText()).isEqualTo(Logs.REHEARSAL);
    }

    /** A line of the log's own text layout, logged with or without the rehearsal's mark. */
    private static String encodeWithPattern(boolean rehearsal, String message) {
        var context = new LoggerContext();
        var encoder = new RedactingEncoder();
        encoder.setContext(context);
        encoder.setFormat("text");
        encoder.setPattern(LogSetup.PATTERN);
        encoder.start();
        return new String(encoder.encode(marked(context, rehearsal, message)), UTF_8);
    }

    private static String encodeJson(boolean rehearsal) {
        var context = new LoggerContext();
        var encoder = new RedactingEncoder();
        encoder.setContext(context);
        encoder.setFormat("json");
        encoder.start();
        return new String(encoder.encode(marked(context, rehearsal, "warmed up")), UTF_8);
    }

    private static LoggingEvent marked(LoggerContext context, boolean rehearsal, String message) {
        var event = new LoggingEvent("test", context.getLogger("org.spotcheck.telegram.ColdStart"), Level.INFO,
                message, null, null);
        event.setMDCPropertyMap(rehearsal ? Map.of(Logs.REHEARSAL, Logs.REHEARSAL) : Map.of());
        return event;
    }

    /** What the filter decides for a DEBUG and an INFO line logged on a thread of that name, marked or not. */
    private static java.util.List<ch.qos.logback.core.spi.FilterReply> decisions(LogSetup.QuietWarmUp quiet, String thread,
                                                                                 boolean rehearsal) throws InterruptedException {
        var logger = new LoggerContext().getLogger("org.spotcheck.telegram.TelegramChat");
        var replies = new java.util.ArrayList<ch.qos.logback.core.spi.FilterReply>();
        var logging = new Thread(() -> {
            if (rehearsal) {
                org.slf4j.MDC.put(Logs.REHEARSAL, Logs.REHEARSAL);
            }
            replies.add(quiet.decide(null, logger, Level.DEBUG, "update {} chat {}: applied", null, null));
            replies.add(quiet.decide(null, logger, Level.INFO, "warmed up", null, null));
        }, thread);
        logging.start();
        logging.join();
        return replies;
    }
}
