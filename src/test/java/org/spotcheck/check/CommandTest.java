package org.spotcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spotcheck.check.Input.Command;

/** The command list is defined once; the word after the slash names each command. */
class CommandTest {

    @Test
    void aCommandIsTypedAsItsNameInLowerCase() {
        assertThat(Command.START.word()).isEqualTo("start");
        assertThat(Command.REMINDERS.word()).isEqualTo("reminders");
    }

    @Test
    void everyCommandIsFoundByItsWord() {
        for (Command command : Command.values()) {
            assertThat(Command.named(command.word())).contains(command);
        }
    }

    @Test
    void aWordThatIsNoCommandNamesNone() {
        assertThat(Command.named("settings")).isEmpty();
        assertThat(Command.named("START")).isEmpty();
    }
}
