package io.tokenrack.engine.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RequireJavaTest {
    @Test
    void readsOldAndNewSpecificationVersions() {
        assertEquals(8, RequireJava.featureRelease("1.8"));
        assertEquals(17, RequireJava.featureRelease("17"));
        assertEquals(25, RequireJava.featureRelease("25"));
        assertEquals(26, RequireJava.featureRelease("26.1"));
        assertEquals(0, RequireJava.featureRelease("unknown"));
        assertEquals(0, RequireJava.featureRelease(null));
    }

    @Test
    void theMessageSaysWhichJavaRanAndHowToPointAtJdk25() {
        String m = RequireJava.message("17.0.15", "/opt/jdk-17", "app/target/tokenrack-app.jar");
        assertTrue(m.startsWith("TokenRack needs Java 25 or newer; this is Java 17.0.15 at /opt/jdk-17."), m);
        assertTrue(m.contains("export JAVA_HOME="), m);
        assertTrue(m.contains("\"$JAVA_HOME/bin/java\" -jar app/target/tokenrack-app.jar"), m);
    }

    /** Java 8 reads class files up to major version 52; a newer one would fail before printing anything. */
    @Test
    void isCompiledForJava8SoThatOldJavasCanRunIt() throws IOException {
        try (InputStream in = RequireJava.class.getResourceAsStream("RequireJava.class");
                DataInputStream data = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort(); // minor
            assertEquals(52, data.readUnsignedShort());
        }
    }
}
