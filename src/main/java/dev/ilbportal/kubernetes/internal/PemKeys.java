package dev.ilbportal.kubernetes.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM certificates and private keys found in kubeconfigs without a crypto library: PKCS#8
 * ({@code PRIVATE KEY}), SEC1 EC ({@code EC PRIVATE KEY}, what k3s issues) and PKCS#1 RSA ({@code RSA PRIVATE KEY})
 * keys, the last two re-wrapped as PKCS#8 for the JDK. Every malformed input ends in a
 * {@link GeneralSecurityException} with a message, never an index or argument exception.
 */
public final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02,
        0x01};
    private static final byte[] RSA_ENCRYPTION_OID_AND_NULL = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemKeys() {
    }

    /** The certificates of a PEM bundle. */
    public static List<Certificate> certificates(String pem) throws GeneralSecurityException {
        if (pem == null || pem.isBlank()) {
            throw new GeneralSecurityException("no certificate found");
        }
        try {
            return List.copyOf(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        } catch (RuntimeException e) {
            throw new GeneralSecurityException("the certificate is malformed");
        }
    }

    /** The private key of the first PEM block. */
    public static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        try {
            return readPrivateKey(pem);
        } catch (RuntimeException e) {
            throw new GeneralSecurityException("the private key is malformed");
        }
    }

    private static PrivateKey readPrivateKey(String pem) throws GeneralSecurityException {
        if (pem == null) {
            throw new GeneralSecurityException("no PEM block found");
        }
        Matcher block = BLOCK.matcher(pem);
        if (!block.find()) {
            throw new GeneralSecurityException("no PEM block found");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(block.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("the PEM block is not base64");
        }
        return switch (block.group(1)) {
            case "PRIVATE KEY" -> pkcs8(der);
            case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                    sequence(new byte[] {0x02, 0x01, 0x00}, sequence(EC_PUBLIC_KEY_OID, curveOid(der)),
                            tlv(0x04, der))));
            case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    sequence(new byte[] {0x02, 0x01, 0x00}, sequence(RSA_ENCRYPTION_OID_AND_NULL),
                            tlv(0x04, der))));
            default -> throw new GeneralSecurityException("unsupported key block " + block.group(1));
        };
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        for (String algorithm : List.of("EC", "RSA", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException wrongAlgorithm) {
                // try the next one
            }
        }
        throw new GeneralSecurityException("the PKCS#8 key is neither EC, RSA nor Ed25519");
    }

    /** The named curve's OID (tag, length and value) from a SEC1 ECPrivateKey's {@code [0] parameters}. */
    private static byte[] curveOid(byte[] sec1) throws GeneralSecurityException {
        int[] position = {0};
        expect(sec1, position, 0x30);
        int end = end(sec1, position, length(sec1, position));
        while (position[0] < end) {
            int tag = next(sec1, position);
            int length = length(sec1, position);
            int valueEnd = end(sec1, position, length);
            if (tag == 0xa0) {
                return Arrays.copyOfRange(sec1, position[0], valueEnd);
            }
            position[0] = valueEnd;
        }
        throw new GeneralSecurityException("the EC key does not name its curve");
    }

    private static void expect(byte[] der, int[] position, int tag) throws GeneralSecurityException {
        if (next(der, position) != tag) {
            throw new GeneralSecurityException("unexpected DER structure");
        }
    }

    /** The byte at the position, moving past it; running off the end is a malformed key, not an index error. */
    private static int next(byte[] der, int[] position) throws GeneralSecurityException {
        if (position[0] >= der.length) {
            throw new GeneralSecurityException("the key's DER ends early");
        }
        return der[position[0]++] & 0xff;
    }

    /** Where a value of the given length starting at the position ends, if it fits in the input. */
    private static int end(byte[] der, int[] position, int length) throws GeneralSecurityException {
        if (length > der.length - position[0]) {
            throw new GeneralSecurityException("a DER length runs past the end of the key");
        }
        return position[0] + length;
    }

    /** A DER length: short form, or long form with up to three length bytes (no key here comes near 16 MB). */
    private static int length(byte[] der, int[] position) throws GeneralSecurityException {
        int first = next(der, position);
        if (first < 0x80) {
            return first;
        }
        int bytes = first & 0x7f;
        if (bytes == 0 || bytes > 3) {
            throw new GeneralSecurityException("unsupported DER length");
        }
        int length = 0;
        for (int i = 0; i < bytes; i++) {
            length = (length << 8) | next(der, position);
        }
        return length;
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (value.length < 0x80) {
            out.write(value.length);
        } else {
            byte[] length = java.math.BigInteger.valueOf(value.length).toByteArray();
            int skip = length[0] == 0 ? 1 : 0;
            out.write(0x80 | (length.length - skip));
            out.write(length, skip, length.length - skip);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
