<#import "template.ftl" as layout>
<#-- The stand-in VNeID's SMS one-time code page (authenticator vneid-sandbox-sms-otp). -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('otp'); section>
    <#if section = "header">
        ${msg("vneidSandboxOtpTitle")}
    <#elseif section = "form">
        <div id="vneid-sandbox-otp-notice" class="${properties.kcAlertClass!} pf-m-warning vneid-sandbox-otp-notice" role="note">
            <p class="${properties.kcAlertTitleClass!}">${msg("vneidSandboxOtpNotice")}</p>
        </div>
        <p id="vneid-sandbox-otp-instruction">
            <#if vneidSandboxMaskedPhone??>
                ${msg("vneidSandboxOtpInstruction", vneidSandboxMaskedPhone)}
            <#else>
                ${msg("vneidSandboxOtpInstructionNoPhone")}
            </#if>
        </p>
        <form id="vneid-sandbox-otp-form" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;"
              action="${url.loginAction}" method="post" novalidate="novalidate">
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormGroupLabelClass!}">
                    <label for="otp" class="${properties.kcFormLabelClass!}">
                        <span class="${properties.kcFormLabelTextClass!}">${msg("vneidSandboxOtpLabel")}</span>
                    </label>
                </div>
                <span class="${properties.kcInputClass!} <#if messagesPerField.existsError('otp')>${properties.kcError!}</#if>">
                    <input id="otp" name="otp" type="text" inputmode="numeric" autocomplete="one-time-code"
                           maxlength="6" autofocus required aria-describedby="vneid-sandbox-otp-instruction<#if messagesPerField.existsError('otp')> input-error-otp</#if>"
                           aria-invalid="<#if messagesPerField.existsError('otp')>true<#else>false</#if>"/>
                </span>
                <#if messagesPerField.existsError('otp')>
                    <div class="${properties.kcFormHelperTextClass!}" aria-live="polite">
                        <div class="${properties.kcInputHelperTextClass!}">
                            <div class="${properties.kcInputHelperTextItemClass!} ${properties.kcError!}" id="input-error-otp">
                                <span class="${properties.kcInputErrorMessageClass!}">${messagesPerField.get('otp')}</span>
                            </div>
                        </div>
                    </div>
                </#if>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!}">
                    <button id="kc-login" name="login" type="submit"
                            class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("vneidSandboxOtpSubmit")}</button>
                </div>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
