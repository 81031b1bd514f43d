<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: vneid-unlink-confirm.ftl -->
    <#if section = "header">
        ${msg("vneidUnlinkTitle")}
    <#elseif section = "form">
        <form id="vneid-unlink-confirm-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <p id="vneid-unlink-question">${msg("vneidUnlinkQuestion", vneidUnlinkId)}</p>
            <p>${msg("vneidUnlinkConsequence")}</p>
            <input type="hidden" name="unlinkToken" value="${vneidUnlinkToken}"/>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!} pf-v5-u-flex-nowrap">
                    <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="action" value="unlink-cancel" id="vneid-unlink-cancel">${msg("vneidUnlinkBack")}</button>
                    <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="action" value="unlink-confirm" id="vneid-unlink-confirm" aria-describedby="vneid-unlink-question">${msg("vneidUnlinkConfirm")}</button>
                </div>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
