package org.exhunt.hunt.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BuildSourcesTest {

    /** Text as regedit and PowerShell's {@code >} write it: UTF-16 LE after a byte-order mark. */
    static byte[] utf16WithBom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }

    static final String SETUP_KEY_2019_CU8_MAR21 = "Windows Registry Editor Version 5.00\r\n\r\n"
            + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup]\r\n"
            + "\"MsiInstallPath\"=\"C:\\\\Program Files\\\\Microsoft\\\\Exchange Server\\\\V15\\\\\"\r\n"
            + "\"MsiProductMajor\"=dword:0000000f\r\n"
            + "\"MsiProductMinor\"=dword:00000002\r\n"
            + "\"MsiBuildMajor\"=dword:00000318\r\n"
            + "\"MsiBuildMinor\"=dword:0000000a\r\n\r\n";

    private static BuildInfoFile.Outcome read(byte[] bytes) {
        assertThat(BuildInfoFile.mayBe(bytes, Math.min(bytes.length, 4096))).isTrue();
        return BuildInfoFile.read(bytes, bytes.length, "evidence/setup.reg");
    }

    @Test
    void utf16RegistryExportWithBomAndCrlfGivesTheInstalledBuild() {
        BuildInfoFile.Outcome o = read(utf16WithBom(SETUP_KEY_2019_CU8_MAR21));
        assertThat(o.problem()).isNull();
        assertThat(o.clue().build()).isEqualTo(ExchangeBuild.parse("15.2.792.10"));
        assertThat(o.clue().strength()).isEqualTo(BuildClue.Strength.REGISTRY);
        assertThat(o.clue().source()).isEqualTo("evidence/setup.reg line 3");
    }

    @Test
    void regedit4ExportInUtf8IsReadToo() {
        String text = "REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup]\n"
                + "\"MsiProductMajor\"=dword:0000000f\n\"MsiProductMinor\"=dword:00000001\n"
                + "\"MsiBuildMajor\"=dword:000008c2\n\"MsiBuildMinor\"=dword:00000004\n";
        assertThat(read(text.getBytes(StandardCharsets.UTF_8)).clue().build()).isEqualTo(ExchangeBuild.parse("15.1.2242.4"));
    }

    @Test
    void valuesOfOtherKeysDoNotCount() {
        String text = "Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup\\Other]\r\n"
                + "\"MsiBuildMajor\"=dword:00000001\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office]\r\n\"MsiBuildMinor\"=dword:00000001\r\n";
        assertThat(BuildInfoFile.read(utf16WithBom(text), utf16WithBom(text).length, "x.reg")).isNull();
    }

    @Test
    void setupKeyWithoutABuildValueIsAProblemNamingTheValueAndLine() {
        String text = SETUP_KEY_2019_CU8_MAR21.replace("\"MsiBuildMinor\"=dword:0000000a\r\n", "");
        BuildInfoFile.Outcome o = read(utf16WithBom(text));
        assertThat(o.clue()).isNull();
        assertThat(o.problem()).isEqualTo("evidence/setup.reg line 3: the Exchange Setup key has no MsiBuildMinor value");
    }

    @Test
    void setupValueThatIsNotADwordIsAProblem() {
        String text = SETUP_KEY_2019_CU8_MAR21.replace("\"MsiBuildMajor\"=dword:00000318", "\"MsiBuildMajor\"=\"792\"");
        assertThat(read(text.getBytes(StandardCharsets.UTF_8)).problem()).contains("line 7").contains("not a dword");
    }

    @Test
    void powershellTableGivesTheFileVersion() {
        String text = "\r\nProductVersion   FileVersion      FileName\r\n--------------   -----------      --------\r\n"
                + "15.02.0986.005   15.02.0986.005   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe\r\n\r\n";
        BuildClue clue = read(utf16WithBom(text)).clue();
        assertThat(clue.build()).isEqualTo(ExchangeBuild.parse("15.2.986.5"));
        assertThat(clue.strength()).isEqualTo(BuildClue.Strength.EXSETUP);
        assertThat(clue.source()).isEqualTo("evidence/setup.reg line 4");
    }

    @Test
    void powershellListGivesTheFileVersion() {
        String text = "OriginalFilename : ExSetup.exe\nFileDescription  : ExSetup\nProductVersion   : 15.01.2507.016\n"
                + "FileVersion      : 15.01.2507.016\n";
        assertThat(read(text.getBytes(StandardCharsets.UTF_8)).clue().build()).isEqualTo(ExchangeBuild.parse("15.1.2507.16"));
    }

    @Test
    void aVersionAloneOnALineIsReadFromAShortFile() {
        assertThat(read("15.02.1118.020\r\n".getBytes(StandardCharsets.UTF_8)).clue().build())
                .isEqualTo(ExchangeBuild.parse("15.2.1118.20"));
        assertThat(read(utf16WithBom("15.2.1258.12\r\n")).clue().build()).isEqualTo(ExchangeBuild.parse("15.2.1258.12"));
    }

    @Test
    void textThatMerelyContainsVersionsIsNotBuildInformation() {
        String notes = "release notes\n15.2.792.10\nsome\nmore\nlines\n";
        assertThat(BuildInfoFile.read(notes.getBytes(StandardCharsets.UTF_8), notes.length(), "n.txt")).isNull();
        String java = "16.0.1.2\n";
        assertThat(BuildInfoFile.read(java.getBytes(StandardCharsets.UTF_8), java.length(), "v.txt")).isNull();
    }

    @Test
    void owaAndEcpVersionFoldersNameTheCuLine() {
        assertThat(OwaPath.line("/owa/auth/15.2.792/themes/resources/favicon.ico")).isEqualTo(ExchangeBuild.parse("15.2.792"));
        assertThat(OwaPath.line("/ecp/15.1.2242/scripts/common/ecp.js")).isEqualTo(ExchangeBuild.parse("15.1.2242"));
        assertThat(OwaPath.line("/OWA/auth/15.0.1497/themes/x.png")).isEqualTo(ExchangeBuild.parse("15.0.1497"));
        // A four-part folder still names only the line: the update is not what the folder tracks.
        assertThat(OwaPath.line("/owa/prem/15.2.986.5/scripts/boot.js")).isEqualTo(ExchangeBuild.parse("15.2.986"));
    }

    @Test
    void otherPathsNameNoBuild() {
        for (String stem : new String[] {"/owa/auth/logon.aspx", "/owa/auth/15.2.792", "/owa/auth/15.x/a", "/ecp/default.flt",
                "/owa/auth/15.9.792/a", "/ecp/15./a", "/owa/15.2.792/a", "", "/"}) {
            assertThat(OwaPath.line(stem)).as(stem).isNull();
        }
    }

    @Test
    void cluesRankRegistryOverExSetupOverOwaAndHigherOverLower() {
        ExchangeBuild low = ExchangeBuild.parse("15.2.792.3");
        ExchangeBuild high = ExchangeBuild.parse("15.2.986.5");
        BuildClues clues = new BuildClues();
        clues.offer(new BuildClue(high.line(), "a", BuildClue.Strength.OWA_PATH));
        clues.offer(new BuildClue(low, "b", BuildClue.Strength.EXSETUP));
        assertThat(clues.best().source()).isEqualTo("b");
        clues.offer(new BuildClue(low, "c", BuildClue.Strength.REGISTRY));
        clues.offer(new BuildClue(high, "d", BuildClue.Strength.EXSETUP));
        assertThat(clues.best().source()).isEqualTo("c");
        clues.offer(new BuildClue(high, "e", BuildClue.Strength.REGISTRY));
        assertThat(clues.best().source()).isEqualTo("e");
    }
}
