package org.exhunt.yara.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authenticode: a PE carrying a PKCS#7 SignedData around certificates made by the JDK's keytool
 * (not a valid signature: YARA 4.2 does not verify) gives the signer fields yara gives.
 */
class SignedPeAgreementTest {

    @TempDir
    static Path dir;

    /** Key generation is slow: one RSA and one EC certificate serve every test. */
    private static byte[] signer;
    private static byte[] other;

    @BeforeAll
    static void certificates() throws Exception {
        signer = certificate("signer", "RSA", "CN=Test Signer/Unit, OU=Build\\+Sign, O=Example Corp, L=Zürich, C=CH");
        other = certificate("other", "EC", "CN=Other Cert, O=Nobody, C=US");
    }

    @Test
    void signer_certificates_agree_with_yara() throws Exception {
        PeBuilder builder = new PeBuilder();
        builder.certificateTable = winCertificate(signedData(List.of(other, signer), signer));
        byte[] pe = builder.build();
        if (System.getenv("EXHUNT_DUMP_PE_SAMPLES") != null) {
            Files.write(Path.of(System.getenv("EXHUNT_DUMP_PE_SAMPLES"), "signed.bin"), pe);
        }
        Map<String, Object> values = BuiltinRuntimes.forName("pe").orElseThrow().load(pe);
        assertThat(values.get("number_of_signatures")).isEqualTo(1L);
        List<String> conditions = PeChecks.conditions(pe);
        Map<?, ?> first = (Map<?, ?>) ((List<?>) values.get("signatures")).get(0);
        long notBefore = (Long) first.get("not_before");
        for (long t : new long[] {notBefore - 1, notBefore, notBefore + 86400}) {
            Object ours = ((ModuleFunction) first.get("valid_on")).call(List.of(t), pe);
            conditions.add(YaraOracle.equal("pe.signatures[0].valid_on(" + t + ")", ours));
        }
        assertThat(conditions).anyMatch(c -> c.startsWith("pe.signatures[0].issuer == "));
        assertThat(YaraOracle.unconfirmed("pe", conditions, pe)).isEmpty();
    }

    @Test
    void an_ecdsa_signer_agrees_with_yara() throws Exception {
        PeBuilder builder = new PeBuilder();
        builder.certificateTable = winCertificate(signedData(List.of(signer, other), other));
        byte[] pe = builder.build();
        List<String> conditions = PeChecks.conditions(pe);
        assertThat(conditions).contains("pe.signatures[0].algorithm == \"ecdsa-with-SHA256\"");
        assertThat(YaraOracle.unconfirmed("pe", conditions, pe)).isEmpty();
    }

    @Test
    void signed_data_without_the_signer_certificate_has_no_signatures_as_in_yara() throws Exception {
        PeBuilder builder = new PeBuilder();
        builder.certificateTable = winCertificate(signedData(List.of(other), signer));
        byte[] pe = builder.build();
        List<String> conditions = PeChecks.conditions(pe);
        assertThat(conditions).contains("pe.number_of_signatures == 0");
        assertThat(YaraOracle.unconfirmed("pe", conditions, pe)).isEmpty();
    }

    /** A self-signed certificate from keytool, DER. */
    private static byte[] certificate(String alias, String algorithm, String dname) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = dir.resolve(alias + ".p12");
        Path out = dir.resolve(alias + ".der");
        run(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", algorithm, "-validity", "400",
                "-dname", dname, "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-keypass", "changeit");
        run(keytool.toString(), "-exportcert", "-alias", alias, "-keystore", store.toString(), "-storepass", "changeit",
                "-file", out.toString());
        return Files.readAllBytes(out);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    /** ContentInfo(SignedData) with the given certificates and one SignerInfo naming {@code signer}. */
    private static byte[] signedData(List<byte[]> certificates, byte[] signer) {
        List<byte[]> tbs = DerWriter.children(DerWriter.children(signer).get(0));
        int i = (tbs.get(0)[0] & 0xFF) == 0xA0 ? 1 : 0;
        byte[] serial = tbs.get(i);
        byte[] issuer = tbs.get(i + 2);
        byte[] sha256 = DerWriter.seq(DerWriter.oid("2.16.840.1.101.3.4.2.1"), DerWriter.nul());
        ByteArrayOutputStream certs = new ByteArrayOutputStream();
        certificates.forEach(certs::writeBytes);
        byte[] signerInfo = DerWriter.seq(DerWriter.integer(1), DerWriter.seq(issuer, serial), sha256,
                DerWriter.seq(DerWriter.oid("1.2.840.113549.1.1.1"), DerWriter.nul()),
                DerWriter.tlv(0x04, new byte[256]));
        byte[] content = DerWriter.seq(DerWriter.oid("1.3.6.1.4.1.311.2.1.4"),
                DerWriter.tlv(0xA0, DerWriter.seq(DerWriter.tlv(0x04, new byte[32]))));
        byte[] signed = DerWriter.seq(DerWriter.integer(1), DerWriter.set(sha256), content,
                DerWriter.tlv(0xA0, certs.toByteArray()), DerWriter.set(signerInfo));
        return DerWriter.seq(DerWriter.oid("1.2.840.113549.1.7.2"), DerWriter.tlv(0xA0, signed));
    }

    /** One WIN_CERTIFICATE (revision 2.0, PKCS#7 SignedData), padded to 8 bytes. */
    private static byte[] winCertificate(byte[] pkcs7) {
        int length = 8 + pkcs7.length;
        byte[] out = new byte[(length + 7) & ~7];
        PeBuilder.Buf b = new PeBuilder.Buf(out);
        b.u32(0, length);
        b.u16(4, 0x0200);
        b.u16(6, 2);
        System.arraycopy(pkcs7, 0, out, 8, pkcs7.length);
        return out;
    }

}
