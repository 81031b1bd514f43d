package vn.vneidbridge.it.browser;

import java.util.List;
import org.openqa.selenium.WebElement;

/** The pages of realm {@code dvc} (theme dvc and its provincial variants) a citizen goes through. */
final class LoginPages {

    private final Browser browser;

    LoginPages(Browser browser) {
        this.browser = browser;
    }

    /** The chooser "Chọn loại tài khoản …": waits for it. */
    LoginPages awaitChooser() {
        browser.await("#dvc-chooser");
        return this;
    }

    String headerName() {
        return browser.find(".dvc-header__name").getText();
    }

    String pageTitle() {
        return browser.find("#kc-page-title").getText();
    }

    /** Card titles, in order. */
    List<String> cardTitles() {
        return browser.findAll(".dvc-card .dvc-card__title").stream().map(WebElement::getText).toList();
    }

    String cardNote(String alias) {
        return browser.find("#dvc-card-" + alias + "-note").getText();
    }

    String notice() {
        return browser.find("#dvc-notice").getText();
    }

    /** The card "Tài khoản cấp bởi Cổng dịch vụ công quốc gia": opens the portal-account form. */
    LoginPages choosePortalAccount() {
        browser.find("#dvc-card-portal").click();
        browser.await("#kc-form-login #username");
        return this;
    }

    /** The card of an identity provider (e.g. {@code vneid}): leaves for it. */
    void chooseProvider(String alias) {
        browser.find("#social-" + alias).click();
    }

    void logIn(String username, String password) {
        browser.type("#username", username);
        browser.type("#password", password);
        browser.find("#kc-login").click();
    }

    /** The CCCD form "Cập nhật thông tin từ CSDL dân cư". */
    LoginPages awaitCccdForm() {
        browser.await("#vneid-cccd-form");
        return this;
    }

    String shownCmnd() {
        return browser.find("#vneid-cmnd").getAttribute("value");
    }

    void updateCccd(String cccd) {
        browser.type("#cccd", cccd);
        browser.find("#vneid-cccd-update").click();
    }

    void skipCccd() {
        browser.find("#vneid-cccd-skip").click();
    }

    /** The tax-code form of an organisation's account "Xác thực mã số thuế của tổ chức". */
    LoginPages awaitTaxCodeForm() {
        browser.await("#vneid-tax-code-form");
        return this;
    }

    String taxCodeValue() {
        return browser.find("#tax_code").getAttribute("value");
    }

    String organisationName() {
        return browser.find("#vneid-organisation-name").getAttribute("value");
    }

    void updateTaxCode(String taxCode) {
        browser.type("#tax_code", taxCode);
        browser.find("#vneid-tax-code-update").click();
    }

    /** The identity page "Thông tin định danh". */
    LoginPages awaitIdentityPage() {
        browser.await("#vneid-identity");
        return this;
    }

    String identityValue(String field) {
        return browser.find("#vneid-identity tr[data-field=" + field + "] .vneid-value").getText();
    }

    String identityVerified(String field) {
        return browser.find("#vneid-identity tr[data-field=" + field + "] .vneid-verified").getText();
    }

    void leaveIdentityPage() {
        browser.find("#vneid-identity-back").click();
    }

    /** The labels of the identity page's rows, in the page's order. */
    List<String> identityRowLabels() {
        return browser.findAll("#vneid-identity tr th").stream().map(WebElement::getText).toList();
    }

    /** Presses "Cập nhật từ CSDL Quốc gia về Dân cư" and waits for the page's answer. */
    void refreshIdentity() {
        browser.find("#vneid-identity-refresh").click();
        browser.await("#dvc-message");
    }

    /** "Sửa" on the identity page: its form for the e-mail and the phone. */
    void editIdentity() {
        browser.find("#vneid-identity-edit").click();
        browser.await("#vneid-identity-edit-form");
    }

    /** Types the e-mail and the phone into the "Sửa" form and saves; waits for the page's answer. */
    void saveContactDetails(String email, String phone) {
        browser.type("#vneid-identity-edit-form #email", email);
        browser.type("#vneid-identity-edit-form #phone_number", phone);
        browser.find("#vneid-identity-edit-save").click();
        browser.await("#dvc-message");
    }

    /** The fields the last "Cập nhật" said it changed. */
    List<String> identityChanged() {
        return browser.findAll("#vneid-identity-changed li").stream().map(WebElement::getText).toList();
    }

    /** The alert of a page (error, warning, success, info). */
    String message() {
        return browser.find("#dvc-message").getText();
    }

    /** The page's text that screen readers announce as an alert ({@code role="alert"}), e.g. an error page's. */
    String alert() {
        return browser.find("[role=alert]").getText();
    }

    /** The cutoff page ("Thông báo từ hệ thống"): closed or link-only, its one way on is VNeID. */
    LoginPages awaitCutoffPage() {
        browser.await("#vneid-cutoff-form");
        return this;
    }

    String cutoffMessage() {
        return browser.find("#vneid-cutoff-message").getText();
    }
}
