package vn.vneidbridge.it.browser;

import java.net.URI;

/** The sandbox's demo portal as a citizen sees it: "Đăng nhập" per portal, then "Đã đăng nhập" with the claims. */
final class DemoPortalPage {

    private final Browser browser;
    private final URI home;

    DemoPortalPage(Browser browser, URI home) {
        this.browser = browser;
        this.home = home;
    }

    DemoPortalPage open() {
        browser.open(home.toString());
        browser.await("#status");
        return this;
    }

    /** "Đăng nhập" of one portal: Keycloak's chooser (or straight back when a session exists). */
    void logIn(String clientId) {
        // awaited: right after a logout the browser may still be on its way back to the portal's page
        browser.await("#login-" + clientId).click();
    }

    /** "Đăng nhập bằng VNeID" of one portal ({@code kc_idp_hint=vneid}): straight to the stand-in VNeID. */
    void logInWithVneid(String clientId) {
        browser.find("#vneid-" + clientId).click();
    }

    /** Starts a portal's login from wherever the browser is (the portal's own login link). */
    void startLogin(String clientId) {
        browser.open(home + "login?client=" + clientId);
    }

    /** Opens a portal's login with extra parameters, as a portal asking for a level or an action does. */
    void logInWith(String clientId, String query) {
        browser.open(home + "login?client=" + clientId + "&" + query);
    }

    /**
     * Waits for the portal's page after a login, up to 45 s: the last hop is the portal's own back-channel code
     * exchange, which on a two-node cluster under a full test run once took longer than the 20 s of other pages.
     */
    DemoPortalPage awaitLoggedIn() {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(45))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                        org.openqa.selenium.By.cssSelector("#claims")));
        return this;
    }

    String status() {
        return browser.find("#status").getText();
    }

    String claim(String name) {
        return browser.find("td[data-claim=" + name + "]").getText();
    }

    boolean hasClaim(String name) {
        return browser.has("td[data-claim=" + name + "]");
    }

    void logOut() {
        browser.find("#logout").click();
        browser.await("#status");
    }
}
