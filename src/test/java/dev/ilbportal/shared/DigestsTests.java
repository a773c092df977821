package dev.ilbportal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The portal's hashes and signatures give the published test vectors, in lower-case hex. */
class DigestsTests {

    @Test
    void sha256OfAbcIsTheFips180Vector() {
        assertThat(Digests.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void sha256ReadsTheTextAsUtf8() {
        assertThat(Digests.sha256Hex("\u00e9"))
                .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    }

    @Test
    void hmacSha256IsTheRfc4231Vector() {
        assertThat(Digests.hmacSha256Hex("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void onlyTheSameSignatureMatches() {
        String expected = Digests.hmacSha256Hex("secret", "body");
        assertThat(Digests.sameSignature(expected, expected)).isTrue();
        assertThat(Digests.sameSignature(expected, Digests.hmacSha256Hex("secret", "other body"))).isFalse();
        assertThat(Digests.sameSignature(expected, expected.substring(1))).isFalse();
        assertThat(Digests.sameSignature(expected, null)).isFalse();
    }
}
