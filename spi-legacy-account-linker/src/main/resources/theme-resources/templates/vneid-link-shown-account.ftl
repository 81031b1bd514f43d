<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: vneid-link-shown-account.ftl -->
    <#if section = "header">
        ${msg("vneidShownTitle")}
    <#elseif section = "form">
        <div id="vneid-shown-account-intro" class="${properties.kcContentWrapperClass!}">
            <p>${msg("vneidShownIntro")}</p>
        </div>
        <dl id="vneid-shown-account" class="pf-v5-c-description-list pf-m-horizontal pf-m-compact pf-v5-u-mt-md">
            <div class="pf-v5-c-description-list__group">
                <dt class="pf-v5-c-description-list__term">${msg("vneidShownUsernameLabel")}</dt>
                <dd class="pf-v5-c-description-list__description" id="vneid-shown-username">${vneidShownUsername}</dd>
            </div>
            <div class="pf-v5-c-description-list__group">
                <dt class="pf-v5-c-description-list__term">${msg("vneidShownTypeLabel")}</dt>
                <dd class="pf-v5-c-description-list__description" id="vneid-shown-type">${msg(vneidShownTypeKey)}</dd>
            </div>
            <div class="pf-v5-c-description-list__group">
                <dt class="pf-v5-c-description-list__term">${msg("vneidShownCreatedLabel")}</dt>
                <dd class="pf-v5-c-description-list__description" id="vneid-shown-created"><#if vneidShownCreated??>${vneidShownCreated}<#elseif vneidShownImported??>${msg("vneidShownImportedOn", vneidShownImported)}<#else>${msg("vneidShownLegacyOnly")}</#if></dd>
            </div>
            <div class="pf-v5-c-description-list__group">
                <dt class="pf-v5-c-description-list__term">${msg("vneidShownLastLoginLabel")}</dt>
                <dd class="pf-v5-c-description-list__description" id="vneid-shown-last-login"><#if vneidShownLastLogin??>${vneidShownLastLogin}<#else>${msg("vneidShownNoLogin")}</#if></dd>
            </div>
            <div class="pf-v5-c-description-list__group">
                <dt class="pf-v5-c-description-list__term">${msg("vneidShownVerifiedLabel")}</dt>
                <dd class="pf-v5-c-description-list__description" id="vneid-shown-verified"><#if vneidShownVerifiedAt??>${vneidShownVerifiedAt}<#else>${msg("vneidShownVerifiedByLegacy")}</#if></dd>
            </div>
        </dl>
        <p id="vneid-shown-account-warning" class="pf-v5-u-mt-md">${msg("vneidShownWarning")}</p>
        <form id="vneid-shown-account-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!} pf-v5-u-mt-md">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit"
                        name="action" value="mine" id="vneid-shown-account-mine">${msg("vneidShownMine")}</button>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit"
                        name="action" value="not-mine" id="vneid-shown-account-not-mine">${msg("vneidShownNotMine")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
