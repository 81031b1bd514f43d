<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: vneid-tax-code-form.ftl -->
    <#if section = "header">
        ${msg("vneidTaxCodeFormTitle")}
    <#elseif section = "form">
        <form id="vneid-tax-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <#if vneidOrganisationName?has_content>
                <@field.group name="vneid-organisation-name" label=msg("vneidTaxCodeFormName")>
                    <span class="${properties.kcInputClass!} pf-m-readonly">
                        <input id="vneid-organisation-name" type="text" value="${vneidOrganisationName}" readonly aria-readonly="true"/>
                    </span>
                </@field.group>
            </#if>
            <@field.group name="tax_code" label=msg("vneidTaxCodeFormTaxCode") required=true>
                <span class="${properties.kcInputClass!}">
                    <input id="tax_code" name="tax_code" type="text" inputmode="numeric" autocomplete="off" maxlength="14"
                           value="${vneidTaxCode!''}" placeholder="${msg("vneidTaxCodeFormPlaceholder")}" autofocus
                           aria-required="true" aria-describedby="vneid-tax-code-notes"/>
                </span>
            </@field.group>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!} pf-v5-u-flex-nowrap">
                    <#if vneidAllowSkip>
                        <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="action" value="skip" id="vneid-tax-code-skip">${msg("vneidTaxCodeFormSkip")}</button>
                    </#if>
                    <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="action" value="update" id="vneid-tax-code-update">${msg("vneidTaxCodeFormUpdate")}</button>
                </div>
            </div>
            <div id="vneid-tax-code-notes" class="${properties.kcFormGroupClass!}">
                <p>* ${msg("vneidTaxCodeFormNote1")}</p>
                <p>* ${msg("vneidTaxCodeFormNote2")}</p>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
