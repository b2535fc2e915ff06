package org.exhunt.hunt.read.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FieldTableTest {

    @Test
    void findsAFieldByAnySpellingOfItsName() {
        FieldTable t = new FieldTable();
        t.put("CommandLine", "cmd /c whoami", true);
        t.put("Image", "C:\\Windows\\cmd.exe", true);

        assertThat(t.value(t.indexOf("commandline"))).isEqualTo("cmd /c whoami");
        assertThat(t.value(t.indexOf("COMMANDLINE"))).isEqualTo("cmd /c whoami");
        assertThat(t.value(t.indexOf("image"))).isEqualTo("C:\\Windows\\cmd.exe");
        assertThat(t.indexOf("ParentImage")).isEqualTo(-1);
    }

    @Test
    void answersStayRightWhenFarMoreNamesAreAskedThanTheNameMemoryHolds() {
        FieldTable t = new FieldTable();
        List<String> present = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = "Field" + i;
            present.add(name);
            t.put(name, i, true);
        }
        // Fresh String objects every round, many more than the memory's slots, most of them
        // absent: each lookup must still find exactly the fields that exist.
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 10_000; i++) {
                String asked = new String(("field" + i).toUpperCase(Locale.ROOT));
                int at = t.indexOf(asked);
                if (i < 40) {
                    assertThat(at).as(asked).isGreaterThanOrEqualTo(0);
                    assertThat(t.value(at)).isEqualTo(i);
                } else {
                    assertThat(at).as(asked).isEqualTo(-1);
                }
            }
        }
        for (String name : present) {
            assertThat(t.indexOf(name)).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aNameHashWorkedOutByTheCallerFindsTheSameFieldsAsTheNameAlone() {
        FieldTable t = new FieldTable();
        t.put("CommandLine", "cmd /c whoami", true);
        t.put("Provider_Name", "Microsoft-Windows-Sysmon", true);
        t.put("\u212Aey", "kelvin", true);
        for (String asked : List.of("commandline", "COMMANDLINE", "provider_name", "KEY", "key", "Image", "Commandlin")) {
            assertThat(t.indexOf(asked, org.exhunt.sigma.SigmaEvent.nameHash(asked))).as(asked).isEqualTo(t.indexOf(asked));
        }
        assertThat(t.indexOf("KEY", org.exhunt.sigma.SigmaEvent.nameHash("KEY"))).isEqualTo(2);
        assertThat(t.indexOf("Image", org.exhunt.sigma.SigmaEvent.nameHash("Image"))).isEqualTo(-1);
    }

    @Test
    void namesWhoseStringHashesCollideAreKeptApart() {
        // "Aa" and "BB" share String.hashCode, so both land on the same memory slot.
        FieldTable t = new FieldTable();
        t.put("Aa", "first", true);
        t.put("BB", "second", true);
        for (int i = 0; i < 100; i++) {
            assertThat(t.value(t.indexOf("Aa"))).isEqualTo("first");
            assertThat(t.value(t.indexOf("BB"))).isEqualTo("second");
            assertThat(t.indexOf("AaAa")).isEqualTo(-1);
        }
    }

    @Test
    void putReplacesTheValueOfAFieldNamedInAnotherLetterCase() {
        FieldTable t = new FieldTable();
        t.put("TargetFilename", "a", false);
        t.put("targetfilename", "b", true);

        assertThat(t.size()).isEqualTo(1);
        assertThat(t.value(t.indexOf("TargetFilename"))).isEqualTo("b");
        assertThat(t.isKeyword(0)).isTrue();
    }

    @Test
    void aTableFilledOnOneThreadReadsTheSameOnAnother() throws Exception {
        FieldTable t = new FieldTable();
        t.put("EventID", 4688L, true);
        t.put("NewProcessName", "C:\\x.exe", true);
        assertThat(t.indexOf("eventid")).isGreaterThanOrEqualTo(0);
        int[] seen = new int[2];
        Thread other = new Thread(() -> {
            // the other thread's own memory is filled with colliding names meanwhile
            FieldTable mine = new FieldTable();
            for (int i = 0; i < 20_000; i++) mine.indexOf(new String("n" + i));
            seen[0] = t.indexOf("EVENTID");
            seen[1] = t.indexOf("newprocessname");
        });
        other.start();
        other.join();
        assertThat(t.value(seen[0])).isEqualTo(4688L);
        assertThat(t.value(seen[1])).isEqualTo("C:\\x.exe");
    }

    @Test
    void tablesOfOneThreadShareTheNameMemoryWithoutMixingUpTheirFields() {
        FieldTable first = new FieldTable();
        first.put("Image", "a.exe", true);
        FieldTable second = new FieldTable();
        second.put("CommandLine", "b", true);
        assertThat(first.indexOf("CommandLine")).isEqualTo(-1);
        assertThat(second.indexOf("Image")).isEqualTo(-1);
        assertThat(first.value(first.indexOf("image"))).isEqualTo("a.exe");
        assertThat(second.value(second.indexOf("commandline"))).isEqualTo("b");
    }
}
