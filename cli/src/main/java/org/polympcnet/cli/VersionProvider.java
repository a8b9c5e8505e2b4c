package org.polympcnet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.polympcnet.protocols.session.SessionParams;
import picocli.CommandLine.IVersionProvider;

/** Reports the Maven version (filtered into a resource at build time) and the wire protocol. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"polympc " + buildVersion() + " (protocol " + SessionParams.PROTOCOL_VERSION + ")"};
    }

    static String buildVersion() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/polympc-version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // an unreadable resource only loses the version string
        }
        return p.getProperty("version", "unknown");
    }
}
