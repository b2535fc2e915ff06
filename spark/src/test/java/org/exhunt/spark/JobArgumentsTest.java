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
