<#import "template.ftl" as layout>
<#global vneidOwnOtherMeans = true>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: vneid-certificate-login.ftl -->
    <#if section = "header">
        ${msg("vneidCertTitle")}
    <#elseif section = "form">
        <#if vneidCertRefusal??>
            <div id="vneid-cert-refused" class="${properties.kcAlertClass!} pf-m-danger" role="alert">
                <p class="${properties.kcAlertTitleClass!} kc-feedback-text instruction">${msg(vneidCertRefusal)}</p>
            </div>
        <#else>
            <div id="vneid-cert-confirm" class="${properties.kcContentWrapperClass!}" role="status">
                <p>${msg("vneidCertConfirm")}</p>
                <dl class="vneid-cert">
                    <dt>${msg("vneidCertHolder")}</dt><dd id="vneid-cert-holder">${vneidCertHolder!""}</dd>
                    <dt>${msg("vneidCertIssuer")}</dt><dd id="vneid-cert-issuer">${vneidCertIssuer!""}</dd>
                    <dt>${msg("vneidCertAccount")}</dt><dd id="vneid-cert-account">${vneidCertAccount!""}</dd>
                </dl>
            </div>
        </#if>
        <form id="vneid-cert-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <#if !vneidCertRefusal??>
                    <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit"
                            name="vneidCertificate" value="login" id="vneid-cert-login">${msg("vneidCertLogin")}</button>
                </#if>
                <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcMarginTopClass!}" type="submit"
                        name="vneidCertificate" value="other" id="vneid-cert-other">${msg("vneidCertOtherMeans")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
