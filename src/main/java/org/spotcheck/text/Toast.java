package org.spotcheck.text;

/** The text answering a tap; {@code alert} shows it as a dialog rather than a passing toast. */
public record Toast(String text, boolean alert) {
}
