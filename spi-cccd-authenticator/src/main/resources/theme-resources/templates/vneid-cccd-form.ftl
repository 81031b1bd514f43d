<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: vneid-cccd-form.ftl -->
    <#if section = "header">
        ${msg("vneidCccdFormTitle")}
    <#elseif section = "form">
        <form id="vneid-cccd-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <#if vneidCmnd?has_content>
                <@field.group name="vneid-cmnd" label=msg("vneidCccdFormCmnd")>
                    <span class="${properties.kcInputClass!} pf-m-readonly">
                        <input id="vneid-cmnd" type="text" value="${vneidCmnd}" readonly aria-readonly="true"/>
                    </span>
                </@field.group>
            </#if>
            <@field.group name="cccd" label=msg("vneidCccdFormCccd") required=true>
                <span class="${properties.kcInputClass!}">
                    <input id="cccd" name="cccd" type="text" inputmode="numeric" autocomplete="off" maxlength="12"
                           value="${vneidCccd!''}" placeholder="${msg("vneidCccdFormCccdPlaceholder")}" autofocus
                           aria-required="true" aria-describedby="vneid-cccd-notes"/>
                </span>
            </@field.group>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!} pf-v5-u-flex-nowrap">
                    <#if vneidAllowSkip>
                        <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="action" value="skip" id="vneid-cccd-skip">${msg("vneidCccdFormSkip")}</button>
                    </#if>
                    <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="action" value="update" id="vneid-cccd-update">${msg("vneidCccdFormUpdate")}</button>
                </div>
            </div>
            <div id="vneid-cccd-notes" class="${properties.kcFormGroupClass!}">
                <p>* ${msg("vneidCccdFormNote1")}</p>
                <p>* ${msg("vneidCccdFormNote2")}</p>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
