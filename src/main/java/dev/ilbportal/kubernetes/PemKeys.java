package dev.ilbportal.kubernetes;

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
 * keys, the last two re-wrapped as PKCS#8 for the JDK.
 */
final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02,
        0x01};
    private static final byte[] RSA_ENCRYPTION_OID_AND_NULL = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemKeys() {
    }

    static List<Certificate> certificates(String pem) throws GeneralSecurityException {
        return List.copyOf(CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    }

    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        Matcher block = BLOCK.matcher(pem);
        if (!block.find()) {
            throw new GeneralSecurityException("no PEM block found");
        }
        byte[] der = Base64.getMimeDecoder().decode(block.group(2).replaceAll("\\s", ""));
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
        length(sec1, position);
        while (position[0] < sec1.length) {
            int tag = sec1[position[0]++] & 0xff;
            int length = length(sec1, position);
            if (tag == 0xa0) {
                return Arrays.copyOfRange(sec1, position[0], position[0] + length);
            }
            position[0] += length;
        }
        throw new GeneralSecurityException("the EC key does not name its curve");
    }

    private static void expect(byte[] der, int[] position, int tag) throws GeneralSecurityException {
        if ((der[position[0]++] & 0xff) != tag) {
            throw new GeneralSecurityException("unexpected DER structure");
        }
    }

    private static int length(byte[] der, int[] position) {
        int first = der[position[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (der[position[0]++] & 0xff);
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
