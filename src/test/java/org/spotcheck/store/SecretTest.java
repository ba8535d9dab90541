package org.spotcheck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret: stretched when it is a passphrase, one key per purpose, checked against the database. */
class SecretTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final long CHAT = 5_123_456_789L;

    @TempDir
    Path dir;

    @Test
    void aPassphraseIsStretchedNotUsedAsTheKey() {
        var secret = Secret.of(Optional.of(PASSPHRASE), dir.resolve("unused"));

        String unstretched = HexFormat.of().formatHex(Secret.hmac(PASSPHRASE.getBytes(StandardCharsets.UTF_8),
                Long.toString(CHAT).getBytes(StandardCharsets.US_ASCII)));
        assertThat(new ChatKeys(secret).keyFor(CHAT)).isNotEqualTo(unstretched);
    }

    @Test
    void eachPurposeHasItsOwnKey() {
        var secret = Secret.of(Optional.of(PASSPHRASE), dir.resolve("unused"));

        assertThat(HexFormat.of().formatHex(secret.key("spotcheck chat key v2")))
                .isNotEqualTo(HexFormat.of().formatHex(secret.key("spotcheck seal v2")));
    }

    @Test
    void theKeyCheckValueTellsSecretsApartWithoutShowingThem() {
        var one = Secret.of(Optional.of(PASSPHRASE), dir.resolve("unused"));
        var other = Secret.of(Optional.of(PASSPHRASE + "!"), dir.resolve("unused"));

        assertThat(one.checkValue()).isNotEqualTo(other.checkValue()).doesNotContain(
                HexFormat.of().formatHex(one.key("spotcheck chat key v2")).substring(0, 8));
    }

    @Test
    void theSecretFileAndTheFoldersItCreatesAreOwnerOnly() throws Exception {
        Path file = dir.resolve("config").resolve("spotcheck").resolve("secret");

        Secret.of(Optional.empty(), file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aReadOnlySecretFileSuchAsASystemdCredentialIsReadAsItIs() throws Exception {
        Path file = dir.resolve("spotcheck-secret");
        Files.writeString(file, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));

        Secret.of(Optional.empty(), file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--------");
    }

    @Test
    void theDataFolderIsCreatedOwnerOnly() throws Exception {
        Path data = dir.resolve("data");

        Database.open(data.resolve("spotcheck.db")).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    void aDatabaseRefusesASecretThatDidNotWriteIt() {
        try (var database = Database.open(dir.resolve("spotcheck.db"))) {
            KeyCheck.verify(database, Secret.of(Optional.of(PASSPHRASE), dir.resolve("unused")));

            assertThatThrownBy(() -> KeyCheck.verify(database, Secret.of(Optional.of("another passphrase here"),
                    dir.resolve("unused")))).isInstanceOf(StoreException.class).hasMessageStartingWith("the passphrase is not the secret");
        }
    }

    @Test
    void aMissingSecretFileIsNotReplacedByANewOneForADatabaseWrittenWithAnother() {
        Path file = dir.resolve("config").resolve("secret");
        try (var database = Database.open(dir.resolve("spotcheck.db"))) {
            KeyCheck.verify(database, Secret.of(Optional.empty(), file));
            file.toFile().delete();

            assertThatThrownBy(() -> KeyCheck.verify(database, Secret.of(Optional.empty(), file)))
                    .isInstanceOf(StoreException.class).hasMessageStartingWith("the secret file (" + file + ")");
            assertThat(file).doesNotExist();
        }
    }
}
