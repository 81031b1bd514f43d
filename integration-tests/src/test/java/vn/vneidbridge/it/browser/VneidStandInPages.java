package vn.vneidbridge.it.browser;

/** The stand-in VNeID (realm vneid-sandbox): "Đăng nhập VNeID" with id number and password, then the SMS code. */
final class VneidStandInPages {

    static final String PASSWORD = "Sandbox@123";
    static final String OTP = "123456";

    private final Browser browser;

    VneidStandInPages(Browser browser) {
        this.browser = browser;
    }

    VneidStandInPages awaitLogin() {
        browser.await("#kc-form-login");
        return this;
    }

    /** Id number and password; only the password when VNeID already knows who is there (re-authentication). */
    void logIn(String idNumber) {
        if (browser.has("#username")) {
            browser.type("#username", idNumber);
        }
        browser.type("#password", PASSWORD);
        browser.find("#kc-login").click();
    }

    VneidStandInPages awaitOtp() {
        browser.await("#vneid-sandbox-otp-form");
        return this;
    }

    void enterOtp() {
        browser.type("#otp", OTP);
        browser.find("#vneid-sandbox-otp-form [type=submit]").click();
    }
}
