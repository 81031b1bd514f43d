<#import "template.ftl" as layout>
<#-- The "VNeID app" stand-in (realm resource vneid-app): what a scanned QR opens. vneidAppView is LOGIN (the
     app's own login), CONFIRM (which service asks; confirm or refuse), ANSWERED, EXPIRED or GONE. -->
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("vneidSandboxAppTitle")}
    <#elseif section = "form">
        <div id="vneid-app" data-view="${vneidAppView}">
        <#if vneidAppClient?? && (vneidAppView = "LOGIN" || vneidAppView = "CONFIRM")>
            <p id="vneid-app-client">${msg("vneidSandboxAppClientAsks")} <strong>${vneidAppClient}</strong></p>
        </#if>
        <#if vneidAppView = "LOGIN">
            <p id="vneid-app-instruction">${msg("vneidSandboxAppLoginInstruction")}</p>
            <form id="vneid-app-login" class="${properties.kcFormClass!}" action="${vneidAppBase}/login" method="post" novalidate="novalidate">
                <input type="hidden" name="csrf" value="${vneidAppCsrf}"/>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="vneid-app-username" class="${properties.kcFormLabelClass!}">${msg("username")}</label>
                    <span class="${properties.kcInputClass!}">
                        <input id="vneid-app-username" name="username" type="text" inputmode="numeric" autocomplete="username" autofocus/>
                    </span>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="vneid-app-password" class="${properties.kcFormLabelClass!}">${msg("password")}</label>
                    <span class="${properties.kcInputClass!}">
                        <input id="vneid-app-password" name="password" type="password" autocomplete="current-password"/>
                    </span>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <button id="vneid-app-login-submit" type="submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("doLogIn")}</button>
                </div>
            </form>
        <#elseif vneidAppView = "CONFIRM">
            <p id="vneid-app-question">${msg("vneidSandboxAppQuestion")}</p>
            <form id="vneid-app-answer" class="${properties.kcFormClass!}" action="${vneidAppBase}/answer" method="post">
                <input type="hidden" name="csrf" value="${vneidAppCsrf}"/>
                <div class="${properties.kcFormGroupClass!}">
                    <button id="vneid-app-confirm" name="answer" value="confirm" type="submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("vneidSandboxAppConfirm")}</button>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <button id="vneid-app-refuse" name="answer" value="refuse" type="submit" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("vneidSandboxAppRefuse")}</button>
                </div>
            </form>
        <#elseif vneidAppView = "ANSWERED">
            <p id="vneid-app-result" role="status">
                <#if (vneidAppState!"") = "CONFIRMED">${msg("vneidSandboxAppConfirmed")}<#else>${msg("vneidSandboxAppRefused")}</#if>
            </p>
        <#elseif vneidAppView = "EXPIRED">
            <p id="vneid-app-result" role="status">${msg("vneidSandboxAppExpired")}</p>
        <#else>
            <p id="vneid-app-result" role="status">${msg("vneidSandboxAppGone")}</p>
        </#if>
        </div>
    </#if>
</@layout.registrationLayout>
