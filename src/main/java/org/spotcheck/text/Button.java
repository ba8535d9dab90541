package org.spotcheck.text;

import org.spotcheck.check.Action;

/** A button: its label for the person and the action it stands for (encoded by each adapter). */
public record Button(String label, Action action) {
}
