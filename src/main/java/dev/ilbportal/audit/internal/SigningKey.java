package dev.ilbportal.audit.internal;

import dev.ilbportal.audit.AuditProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's Ed25519 key for checkpoints and evidence packs, read from configuration (PKCS#8 PEM, as
 * {@code openssl genpkey -algorithm ed25519} writes it). The private key never leaves this class and is never logged.
 */
public final class SigningKey {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = HexFormat.of().formatHex(sha256(publicKey.getEncoded())).substring(0, 16);
    }

    /** The key the settings name; generates it into the key file first when allowed and missing. */
    public static SigningKey from(AuditProperties properties) {
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            return fromPem(properties.signingKey(), "portal.audit.signing-key");
        }
        Path file = properties.signingKeyFile();
        if (file == null) {
            throw new IllegalStateException("The audit trail needs an Ed25519 signing key for its checkpoints: set "
                    + "portal.audit.signing-key (PORTAL_AUDIT_SIGNING_KEY) to a PKCS#8 PEM or "
                    + "portal.audit.signing-key-file (PORTAL_AUDIT_SIGNING_KEY_FILE) to a file holding one; "
                    + "generate it with: openssl genpkey -algorithm ed25519");
        }
        try {
            if (!Files.exists(file) && properties.generateMissingKey()) {
                generateInto(file);
            }
            return fromPem(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the audit signing key file " + file + ": " + e, e);
        }
    }

    static void generateInto(Path file) throws IOException {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, pem, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a non-POSIX file system keeps its own permissions
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has Ed25519", e);
        }
    }

    static SigningKey fromPem(String pem, String source) {
        Matcher matcher = PEM.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalStateException("The audit signing key in " + source + " is not a PKCS#8 PEM private key "
                    + "(-----BEGIN PRIVATE KEY-----); generate one with: openssl genpkey -algorithm ed25519");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(1).replaceAll("\\s", ""));
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new SigningKey(privateKey, publicKeyOf(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The audit signing key in " + source + " is not an Ed25519 private key",
                    e);
        }
    }

    /**
     * Java cannot derive an Ed25519 public key from a private one directly, but its key pair generator takes the
     * 32-byte private key from the random source it is given; fed the key's own bytes, it yields its public half.
     */
    private static PublicKey publicKeyOf(byte[] pkcs8) throws GeneralSecurityException {
        // PKCS#8 for Ed25519 (RFC 8410): the private key is the 32 bytes inside the last OCTET STRING (04 20 ...)
        byte[] seed = new byte[32];
        System.arraycopy(pkcs8, pkcs8.length - 32, seed, 0, 32);
        if (pkcs8[pkcs8.length - 34] != 0x04 || pkcs8[pkcs8.length - 33] != 0x20) {
            throw new GeneralSecurityException("unexpected PKCS#8 layout (a public key attached?)");
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(255, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(bytes.length, seed.length));
            }
        });
        KeyPair pair = generator.generateKeyPair();
        if (!java.util.Arrays.equals(pair.getPrivate().getEncoded(), pkcs8)) {
            throw new GeneralSecurityException("could not derive the public key");
        }
        return pair.getPublic();
    }

    /** The Ed25519 signature of {@code text}'s UTF-8 bytes, base64. */
    public String sign(String text) {
        return sign(text.getBytes(StandardCharsets.UTF_8));
    }

    public String sign(byte[] bytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(bytes);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign with the audit key", e);
        }
    }

    public boolean verifies(String text, String base64Signature) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public String keyId() {
        return keyId;
    }

    /** The public key as PEM (SubjectPublicKeyInfo), what {@code openssl pkey -pubout} prints. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }
}
