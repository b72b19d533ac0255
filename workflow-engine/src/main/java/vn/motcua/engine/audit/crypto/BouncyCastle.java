package vn.motcua.engine.audit.crypto;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle provider instance, passed explicitly wherever it is used: it is never added to the
 * JVM's provider list, so nothing else in the application changes behaviour because it is on the class path.
 */
public final class BouncyCastle {

    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
