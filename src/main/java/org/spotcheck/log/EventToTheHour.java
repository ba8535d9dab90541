package org.spotcheck.log;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;

/**
 * An event as {@link RedactingEncoder} hands it to the layout: its time cut to the hour (every clock a
 * layout may read: millis, instant, nanoseconds), everything else the event's own. Written out, not a
 * reflective proxy, because the layout calls these getters for every line logged.
 */
final class EventToTheHour implements ILoggingEvent {

    private final ILoggingEvent event;
    private final Instant hour;

    EventToTheHour(ILoggingEvent event) {
        this.event = event;
        this.hour = Instant.ofEpochMilli(event.getTimeStamp()).truncatedTo(ChronoUnit.HOURS);
    }

    @Override
    public long getTimeStamp() {
        return hour.toEpochMilli();
    }

    @Override
    public Instant getInstant() {
        return hour;
    }

    @Override
    public int getNanoseconds() {
        return 0;
    }

    @Override
    public String getThreadName() {
        return event.getThreadName();
    }

    @Override
    public Level getLevel() {
        return event.getLevel();
    }

    @Override
    public String getMessage() {
        return event.getMessage();
    }

    @Override
    public Object[] getArgumentArray() {
        return event.getArgumentArray();
    }

    @Override
    public String getFormattedMessage() {
        return event.getFormattedMessage();
    }

    @Override
    public String getLoggerName() {
        return event.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
        return event.getLoggerContextVO();
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
        return event.getThrowableProxy();
    }

    @Override
    public StackTraceElement[] getCallerData() {
        return event.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
        return event.hasCallerData();
    }

    @Override
    @SuppressWarnings("deprecation") // Logback reads getMarkerList(); a layout from an operator's own file may not
    public Marker getMarker() {
        return event.getMarker();
    }

    @Override
    public List<Marker> getMarkerList() {
        return event.getMarkerList();
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        return event.getMDCPropertyMap();
    }

    @Override
    @SuppressWarnings("deprecation") // the old name of getMDCPropertyMap, still in the interface
    public Map<String, String> getMdc() {
        return event.getMdc();
    }

    @Override
    public long getSequenceNumber() {
        return event.getSequenceNumber();
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        return event.getKeyValuePairs();
    }

    @Override
    public void prepareForDeferredProcessing() {
        event.prepareForDeferredProcessing();
    }
}
