package vn.vneidbridge.sandbox.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.sandbox.registry.PopulationRegistrySimulatorMain.Options;

class PopulationRegistrySimulatorMainTest {

    @Test
    void thenTheDefaultsArePort8082NoSyntheticPeopleSeed42AndNoCredentials() {
        assertThat(Options.parse()).isEqualTo(new Options(8082, 0, 42, Optional.empty(), Optional.empty()));
    }

    @Test
    void thenEveryOptionIsRead() {
        Options options = Options.parse("--port=0", "--synthetic=1000", "--seed=7", "--c06-user=dvc",
                "--c06-secret=s3cret", "--lgsp-token=tok");

        assertThat(options).isEqualTo(new Options(0, 1000, 7, Optional.of(new C06Credentials("dvc", "s3cret")),
                Optional.of("tok")));
    }

    @Test
    void thenEmptyCredentialsMeanNone() {
        assertThat(Options.parse("--c06-user=", "--c06-secret=", "--lgsp-token=").c06()).isEmpty();
    }

    @Test
    void thenBadOptionsAreRefused() {
        for (String[] args : new String[][] {{"--port=70000"}, {"--port=x"}, {"--synthetic=-1"}, {"--colour=red"},
                {"8082"}, {"--c06-user=dvc"}, {"--c06-secret=s"}}) {
            assertThatThrownBy(() -> Options.parse(args)).as(String.join(" ", args))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
