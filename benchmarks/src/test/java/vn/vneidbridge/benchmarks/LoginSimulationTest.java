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
}
