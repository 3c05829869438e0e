package io.tokenrack.engine.launch;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The Main-Class of both jars. It is compiled for Java 8 (a build execution of its own) so that an
 * older Java runs it and says plainly that Java 25 is needed and how to point at it, instead of
 * failing with {@code UnsupportedClassVersionError}; on Java 25 it hands over to the class named by
 * the jar's {@value #MAIN_ATTRIBUTE} manifest attribute. Keep it to the Java 8 language and library.
 */
public final class RequireJava {
    /** The Java feature release the rest of the jar is compiled for. */
    public static final int NEEDED = 25;
    /** The manifest attribute naming the real main class. */
    public static final String MAIN_ATTRIBUTE = "TokenRack-Main-Class";

    private RequireJava() {}

    public static void main(String[] args) throws Throwable {
        int running = featureRelease(System.getProperty("java.specification.version"));
        File jar = ownJar();
        if (running < NEEDED) {
            System.err.println(message(System.getProperty("java.version"), System.getProperty("java.home"),
                    jar == null ? "tokenrack.jar" : jar.getPath()));
            System.exit(1);
        }
        String main = jar == null ? null : mainClassOf(jar);
        if (main == null) {
            System.err.println("TokenRack: the jar names no " + MAIN_ATTRIBUTE + " in its manifest; rebuild it with ./mvnw package");
            System.exit(1);
        }
        Method entry = Class.forName(main).getMethod("main", String[].class);
        try {
            entry.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The feature release of a {@code java.specification.version}: "1.8" is 8, "17" is 17; 0 when unreadable. */
    public static int featureRelease(String specificationVersion) {
        if (specificationVersion == null) {
            return 0;
        }
        String v = specificationVersion.trim();
        if (v.startsWith("1.")) {
            v = v.substring(2);
        }
        int dot = v.indexOf('.');
        if (dot >= 0) {
            v = v.substring(0, dot);
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** What an older Java prints: which Java it is, where it is, and how to run the jar with a JDK 25. */
    public static String message(String javaVersion, String javaHome, String jarPath) {
        return "TokenRack needs Java " + NEEDED + " or newer; this is Java " + javaVersion + " at " + javaHome + ".\n"
                + "Install a JDK " + NEEDED + ", point JAVA_HOME at it and run the jar with that Java:\n"
                + "  export JAVA_HOME=/path/to/jdk-" + NEEDED + "\n"
                + "  \"$JAVA_HOME/bin/java\" -jar " + jarPath;
    }

    private static File ownJar() {
        CodeSource source = RequireJava.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            File f = new File(source.getLocation().toURI());
            return f.isFile() ? f : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String mainClassOf(File jar) throws IOException {
        try (JarFile file = new JarFile(jar)) {
            Manifest manifest = file.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue(MAIN_ATTRIBUTE);
        }
    }
}
