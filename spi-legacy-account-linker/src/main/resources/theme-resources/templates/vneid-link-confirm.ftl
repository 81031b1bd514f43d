<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: vneid-link-confirm.ftl -->
    <#if section = "header">
        ${msg("vneidLinkConfirmTitle")}
    <#elseif section = "form">
        <div id="vneid-link-confirm-intro" class="${properties.kcContentWrapperClass!}">
            <p>${msg(vneidConfirmIntro!"vneidLinkConfirmIntro")}</p>
            <p>${msg("vneidLinkConfirmRegistry")}</p>
        </div>
        <form id="vneid-link-confirm-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.group name="username" label=msg("vneidLinkConfirmUsername") required=true>
                <span class="${properties.kcInputClass!}<#if vneidConfirmSingle> pf-m-readonly</#if>">
                    <input id="username" name="username" type="text" autocomplete="username" maxlength="255"
                           value="${(vneidConfirmUsername!'')}" aria-required="true"<#if vneidConfirmSingle> readonly aria-readonly="true"</#if>/>
                </span>
            </@field.group>
            <@field.group name="password" label=msg("password") required=true>
                <span class="${properties.kcInputClass!}">
                    <input id="password" name="password" type="password" autocomplete="current-password" maxlength="1024"
                           aria-required="true" autofocus/>
                </span>
            </@field.group>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!} pf-v5-u-flex-nowrap">
                    <#-- confirm first: Enter in the password field must confirm, never create a new account -->
                    <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit"
                            name="action" value="confirm" id="vneid-link-confirm-submit">${msg("vneidLinkConfirmSubmit")}</button>
                    <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit"
                            name="action" value="decline" id="vneid-link-confirm-decline" formnovalidate>${msg("vneidLinkConfirmDecline")}</button>
                </div>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
