<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#--
  The notice after a portal-account login of an account whose CCCD is verified (seed 003, "Thông báo"): Keycloak's
  idp_link action for VNeID. "Đăng nhập bằng VNeID" links this account (Keycloak binds the link to this session;
  the VNeID provider accepts only the account's own id number); "Bỏ qua" goes on to the portal.
-->
<@layout.registrationLayout displayMessage=false; section>
<!-- template: link-idp-action.ftl (dvc) -->
    <#if section = "header">
        ${msg("dvcLinkNoticeTitle")}
    <#elseif section = "form">
        <#assign cutoffDate = (properties.dvcNoticeCutoffDate!'2024-07-01')?date("yyyy-MM-dd")?string("dd/MM/yyyy")>
        <div id="dvc-link-notice" class="dvc-notice" role="region" aria-labelledby="dvc-link-notice-title">
            <h2 id="dvc-link-notice-title" class="dvc-notice__title">${msg("dvcLinkNoticeHeading")}</h2>
            <p>${msg("dvcLinkNoticeText", cutoffDate)}</p>
            <p><strong>${msg("dvcLinkNoticeRequirementLabel")}</strong> ${msg("dvcLinkNoticeRequirement")}</p>
        </div>
        <form id="dvc-link-notice-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="POST">
            <@buttons.actionGroup horizontal=true>
                <@buttons.button name="continue" id="kc-continue" label="dvcLinkNoticeLogin"/>
                <@buttons.button name="cancel-aia" id="kc-cancel" label="dvcLinkNoticeSkip" type="secondary"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
