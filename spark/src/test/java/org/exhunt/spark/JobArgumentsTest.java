package org.exhunt.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobArgumentsTest {

    @Test
    void inputsMayComeBeforeAndAfterTheOptions() {
        JobArguments a = JobArguments.parse(new String[] {"s3a://lake/a", "--master", "local[2]", "hdfs:///b",
                "--out", "/tmp/out"});

        assertThat(a.inputs()).containsExactly("s3a://lake/a", "hdfs:///b");
        assertThat(a.master()).isEqualTo("local[2]");
        assertThat(a.out()).isEqualTo("/tmp/out");
    }

    @Test
    void ruleFoldersMayBeGivenMoreThanOnceButNotWithACommaInTheirName() {
        JobArguments a = JobArguments.parse(new String[] {"lake", "--rules", "/r/one", "--rules", "/r/two", "--out", "o"});

        assertThat(a.rules()).containsExactly("/r/one", "/r/two");
        assertThat(JobArguments.parse(new String[] {"lake", "--out", "o"}).rules()).isEmpty();
        assertThatThrownBy(() -> JobArguments.parse(new String[] {"lake", "--rules", "/r/a,b", "--out", "o"}))
                .hasMessageContaining("/r/a,b").hasMessageContaining("comma");
    }

    @Test
    void theMasterIsLeftToSparkSubmitWhenNotGiven() {
        assertThat(JobArguments.parse(new String[] {"lake", "--out", "o"}).master()).isNull();
    }

    @Test
    void missingOutputMissingInputsAndUnknownOptionsSayWhatIsWrongAndShowTheUsage() {
        assertThatThrownBy(() -> JobArguments.parse(new String[] {"lake"}))
                .hasMessageContaining("--out DIR is required").hasMessageContaining(JobArguments.USAGE);
        assertThatThrownBy(() -> JobArguments.parse(new String[] {"--out", "o"}))
                .hasMessageContaining("no INPUT given");
        assertThatThrownBy(() -> JobArguments.parse(new String[] {"lake", "--out", "o", "--since", "x"}))
                .hasMessageContaining("unknown option --since");
        assertThatThrownBy(() -> JobArguments.parse(new String[] {"lake", "--out"}))
                .hasMessageContaining("--out needs a value");
    }
}
