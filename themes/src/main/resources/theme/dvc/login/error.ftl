<#--
  dvc: Keycloak's error page (base/login/error.ftl, which keycloak.v2 uses unchanged) inside the portal's template,
  with its text in an alert that screen readers announce (role="alert", like the template's #dvc-message) instead
  of a plain paragraph. The trace id and the way back to the portal are Keycloak's.
-->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: error.ftl (dvc) -->
    <#if section = "header">
        ${kcSanitize(msg("errorTitle"))?no_esc}
    <#elseif section = "form">
        <div id="kc-error-message">
            <div id="dvc-message" class="${properties.kcAlertClass!} pf-m-danger" role="alert">
                <div class="${properties.kcAlertIconClass!}" aria-hidden="true">
                    <span class="${properties.kcFeedbackErrorIcon!}"></span>
                </div>
                <p class="${properties.kcAlertTitleClass!} kc-feedback-text instruction">${kcSanitize(message.summary)?no_esc}</p>
            </div>
            <#if traceId??>
                <p class="instruction" id="traceId">${msg("traceIdSupportMessage", traceId)}</p>
            </#if>
            <#if !skipLink?? && client?? && client.baseUrl?has_content>
                <p><a id="backToApplication" href="${client.baseUrl}">${msg("backToApplication")}</a></p>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
