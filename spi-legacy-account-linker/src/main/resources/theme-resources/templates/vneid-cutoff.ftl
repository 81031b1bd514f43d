<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: vneid-cutoff.ftl -->
    <#if section = "header">
        ${msg("vneidCutoffTitle")}
    <#elseif section = "form">
        <div id="vneid-cutoff" class="${properties.kcContentWrapperClass!}" role="status">
            <p id="vneid-cutoff-message">${msg(vneidCutoffMessage, (vneidCutoffDate!""))}</p>
            <#if vneidCutoffBound>
                <p id="vneid-cutoff-bound">${msg("vneidLinkOnlyBound")}</p>
            </#if>
        </div>
        <form id="vneid-cutoff-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit"
                        name="action" value="vneid" id="vneid-cutoff-vneid">${msg("vneidLoginWithVneid")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
