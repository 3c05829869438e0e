package io.tokenrack.engine.files;

import java.nio.file.Path;

/**
 * Where TokenRack keeps what it remembers between runs (the measured host profile, the kernel
 * lab's last report, recent files): {@code ~/.tokenrack}, or the folder named by the
 * {@value #PROPERTY} system property. The build points that property at a folder under
 * {@code target/} so that tests never read or write the developer's own files.
 */
public final class UserFolder {
    /** System property naming another folder than {@code ~/.tokenrack}. */
    public static final String PROPERTY = "tokenrack.home";

    private UserFolder() {}

    /** The folder (it may not exist yet). */
    public static Path dir() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".tokenrack");
    }

    /** A file in the folder. */
    public static Path file(String name) {
        return dir().resolve(name);
    }
}
