package org.spotcheck.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A chat's log tag tells chats apart within one run and is no part of the chat key the database stores. */
class ChatTagTest {

    private static final String KEY_A = "3f1c9a0b7d2e4f6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a";
    private static final String KEY_B = "3f1c9a0b7d2e4f6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2b";

    @Test
    void theTagIsStableForAChatAndDiffersBetweenChats() {
        assertThat(ChatTag.of(KEY_A)).matches("[0-9a-f]{8}").isEqualTo(ChatTag.of(KEY_A)).isNotEqualTo(ChatTag.of(KEY_B));
    }

    @Test
    void theTagIsNoPartOfTheChatKey() {
        assertThat(KEY_A).doesNotContain(ChatTag.of(KEY_A));
    }
}
