package dev.runlist.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code User-Agent} runlist sends: its name, its version and the Java version. */
public final class UserAgent {

    /** The runlist version, read from the build, or {@code "dev"} when run from sources. */
    public static final String VERSION = readVersion();

    /** The header value, such as {@code runlist/0.1.0 Java/17.0.15}. */
    public static final String VALUE = "runlist/" + VERSION + " Java/" + System.getProperty("java.version");

    private UserAgent() {}

    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
