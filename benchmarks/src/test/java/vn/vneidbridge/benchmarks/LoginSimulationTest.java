package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginSimulationTest {

    /** The Origin a browser sends with a form: the form's server, so the stand-in's forms name the stand-in's. */
    @Test
    void aFormsOriginIsItsServerWithoutPathOrQuery() {
        assertThat(LoginSimulation.origin(
                "http://localhost:37137/realms/vneid-sandbox/login-actions/authenticate?session_code=x&tab_id=y"))
                .isEqualTo("http://localhost:37137");
        assertThat(LoginSimulation.origin("https://dichvucong.gov.vn/realms/dvc/login-actions/authenticate"))
                .isEqualTo("https://dichvucong.gov.vn");
    }

    /**
     * The CCCD scenarios' browsers come from many loopback addresses, none of them 127.0.0.1, enough that no address
     * reaches the check's per-address cap (1,000 a window) in a warm-up and a window at the pace of this machine.
     */
    @Test
    void theCccdScenariosClientAddressesAreDistinctLoopbackAddresses() {
        var addresses = LoginSimulation.clientAddresses(LoginSimulation.CLIENT_ADDRESSES);

        assertThat(addresses).hasSize(64).doesNotHaveDuplicates().doesNotContain("127.0.0.1")
                .allMatch(address -> address.startsWith("127.0."));
        assertThat(addresses.get(0)).isEqualTo("127.0.0.2");
        assertThat(LoginSimulation.clientAddresses(300)).contains("127.0.1.45").doesNotHaveDuplicates();
    }
}
