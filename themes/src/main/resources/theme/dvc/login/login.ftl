<#--
  dvc: the seeds' chooser "Chọn loại tài khoản bạn muốn sử dụng để đăng nhập …" — one card per account type the
  realm offers (the portal account when password login is on, then every identity provider shown on the login
  page), each card's title and note from message keys dvcCardTitle-<alias> / dvcCardNote-<alias> (the provider's
  display name when there is no title key); then the portal-account form (Keycloak's, plus the captcha of
  vneid-legacy-password-form when it asks for one) and the system notice, whose text and dates come from the
  theme's properties and messages (an operator overrides them in the realm's localization texts).
  The form opens with its card (a link to #dvc-legacy, no JavaScript needed) and is open from the start
  whenever the page has something to say about it (an error, a typed username, a captcha).
-->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "passkeys.ftl" as passkeys>
<#-- the page offers every means itself (cards, tabs): not Keycloak's "try another way" list beside them -->
<#global vneidOwnOtherMeans = true>
<#assign dvcByIdNumber = (vneidLoginBy!'username') == 'id_number'>
<#assign dvcByCertificate = (vneidLoginBy!'username') == 'certificate'>
<#assign dvcFormOpen = (messagesPerField.existsError('username','password','captcha') || (login.username!'')?has_content || usernameHidden?? || vneidCaptcha?? || dvcByIdNumber || dvcByCertificate || !(social.providers?? && social.providers?has_content))>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password','captcha') displayInfo=realm.password && realm.registrationAllowed && !registrationDisabled??; section>
<!-- template: login.ftl (dvc) -->

    <#if section = "header">
        ${msg("dvcLoginTitle")}
    <#elseif section = "form">
        <p id="dvc-chooser-lead" class="dvc-chooser__lead">${msg("dvcChooserLead")}</p>
        <ul id="dvc-chooser" class="dvc-cards" aria-labelledby="dvc-chooser-lead">
            <#if realm.password>
                <li class="dvc-cards__item">
                    <a id="dvc-card-portal" class="dvc-card dvc-card--portal" href="#dvc-legacy" aria-controls="dvc-legacy"
                       <#if msg("dvcCardNote-portal") != "dvcCardNote-portal">aria-describedby="dvc-card-portal-note"</#if>>
                        <span class="dvc-card__icon" aria-hidden="true">
                            <svg viewBox="0 0 64 64" focusable="false"><circle cx="32" cy="32" r="30" fill="#da251d"/><polygon fill="#ffcd00" points="32,12 37.3,26.6 52.9,26.9 40.5,36.4 45,51.3 32,42.5 19,51.3 23.5,36.4 11.1,26.9 26.7,26.6"/></svg>
                        </span>
                        <span class="dvc-card__text">
                            <span class="dvc-card__title">${msg("dvcCardTitle-portal")}</span>
                            <#if msg("dvcCardNote-portal") != "dvcCardNote-portal">
                                <span id="dvc-card-portal-note" class="dvc-card__note">${msg("dvcCardNote-portal")}</span>
                            </#if>
                        </span>
                    </a>
                </li>
            </#if>
            <#if social.providers??>
                <#list social.providers as p>
                    <#assign titleKey = "dvcCardTitle-" + p.alias>
                    <#assign noteKey = "dvcCardNote-" + p.alias>
                    <#assign hasNote = msg(noteKey) != noteKey>
                    <li class="dvc-cards__item">
                        <a data-once-link data-disabled-class="dvc-card--busy" id="social-${p.alias}"
                           class="dvc-card dvc-card--idp dvc-card--${p.alias}" href="${p.loginUrl}"
                           <#if hasNote>aria-describedby="dvc-card-${p.alias}-note"</#if>>
                            <span class="dvc-card__icon" aria-hidden="true">
                                <#if p.alias == "vneid">
                                    <svg viewBox="0 0 64 64" focusable="false"><path fill="#c8102e" d="M32 4 8 13v17c0 15 10 26 24 30 14-4 24-15 24-30V13z"/><path fill="#ffcd00" d="m32 18 3.8 10.4h11l-8.9 6.6 3.4 10.6L32 39.2l-9.3 6.4 3.4-10.6-8.9-6.6h11z"/></svg>
                                <#else>
                                    <svg viewBox="0 0 64 64" focusable="false"><rect x="6" y="14" width="52" height="36" rx="4" fill="#1d4f91"/><path d="m8 17 24 18 24-18" fill="none" stroke="#ffcd00" stroke-width="4"/></svg>
                                </#if>
                            </span>
                            <span class="dvc-card__text">
                                <span class="dvc-card__title"><#if msg(titleKey) != titleKey>${msg(titleKey)}<#else>${p.displayName!p.alias}</#if></span>
                                <#if hasNote>
                                    <span id="dvc-card-${p.alias}-note" class="dvc-card__note">${msg(noteKey)}</span>
                                </#if>
                            </span>
                        </a>
                    </li>
                </#list>
            </#if>
            <#-- remote signing shown as a card (VNPT SmartCA): a button posting Keycloak's authenticationExecution, which
                 Keycloak accepts only for an alternative of the password form's flow -->
            <#list (vneidRemoteSigning![])?filter(o -> !o.sim) as offer>
                <li class="dvc-cards__item">
                    <form id="dvc-card-remote-signing-${offer?index}-form" class="dvc-card-form" action="${url.loginAction}" method="post">
                        <button id="dvc-card-remote-signing-${offer?index}" class="dvc-card dvc-card--remote-signing" type="submit"
                                name="authenticationExecution" value="${offer.execution}" aria-describedby="dvc-card-remote-signing-${offer?index}-note">
                            <span class="dvc-card__icon" aria-hidden="true">
                                <svg viewBox="0 0 64 64" focusable="false"><rect x="18" y="4" width="28" height="56" rx="5" fill="#0a58a8"/><rect x="22" y="11" width="20" height="36" fill="#fff"/><path d="m25 33 5 5 10-12" fill="none" stroke="#0a7d32" stroke-width="4"/></svg>
                            </span>
                            <span class="dvc-card__text">
                                <span class="dvc-card__title">${offer.label}</span>
                                <span id="dvc-card-remote-signing-${offer?index}-note" class="dvc-card__note">${msg("dvcCardNote-remote-signing")}</span>
                            </span>
                        </button>
                    </form>
                </li>
            </#list>
        </ul>

        <#if realm.password>
        <section id="dvc-legacy" class="dvc-legacy<#if dvcFormOpen> dvc-legacy--open</#if>" aria-labelledby="dvc-legacy-title" tabindex="-1">
          <h2 id="dvc-legacy-title" class="dvc-section-title">${msg("dvcLegacyFormTitle")}</h2>
          <div id="kc-form">
            <div id="kc-form-wrapper">
                <#if !usernameHidden??>
                <#-- the tabs of seed 002: a form of their own (so Enter in the login form never switches the tab), posted
                     to the same login action, which only shows the form again on the chosen tab; no JavaScript needed -->
                <form id="dvc-login-tabs" class="dvc-login-tabs" action="${url.loginAction}" method="post" aria-label="${msg("dvcLoginByLabel")}">
                    <#assign dvcByUsername = !dvcByIdNumber && !dvcByCertificate>
                    <button id="dvc-login-tab-username" type="submit" name="vneidLoginTab" value="username"
                            class="dvc-login-tab<#if dvcByUsername> dvc-login-tab--active</#if>" aria-pressed="${dvcByUsername?c}">${msg("dvcLoginByUsername")}</button>
                    <button id="dvc-login-tab-id-number" type="submit" name="vneidLoginTab" value="id_number"
                            class="dvc-login-tab<#if dvcByIdNumber> dvc-login-tab--active</#if>" aria-pressed="${dvcByIdNumber?c}">${msg("dvcLoginByIdNumber")}</button>
                    <#if (vneidCertificateLogin!false)>
                    <button id="dvc-login-tab-certificate" type="submit" name="vneidLoginTab" value="certificate"
                            class="dvc-login-tab<#if dvcByCertificate> dvc-login-tab--active</#if>" aria-pressed="${dvcByCertificate?c}">${msg("dvcLoginByCertificate")}</button>
                    </#if>
                    <#list (vneidRemoteSigning![])?filter(o -> o.sim) as offer>
                    <button id="dvc-login-tab-sim<#if offer?index != 0>-${offer?index}</#if>" type="submit" name="authenticationExecution" value="${offer.execution}"
                            class="dvc-login-tab" aria-pressed="false">${msg("dvcLoginBySim")}</button>
                    </#list>
                </form>
                </#if>
                <#if dvcByCertificate>
                <#-- "Usb ký số": the browser presents the token's certificate in the TLS handshake, before any page; the
                     tab says how, and the certificate step confirms on a page of its own -->
                <div id="dvc-usb" class="dvc-usb">
                    <ol id="dvc-usb-steps" class="dvc-notice__steps">
                        <li>${msg("dvcUsbStep1")}</li>
                        <li>${msg("dvcUsbStep2")}</li>
                        <li>${msg("dvcUsbStep3")}</li>
                    </ol>
                    <p><a id="dvc-usb-restart" href="${url.loginRestartFlowUrl}">${msg("dvcUsbRestart")}</a></p>
                </div>
                <#else>
                <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <#if !usernameHidden??>
                        <input type="hidden" name="vneid_login_by" value="<#if dvcByIdNumber>id_number<#else>username</#if>"/>
                        <@field.input name="username" label=msg(dvcByIdNumber?then("dvcIdNumber", "dvcUsername")) error=messagesPerField.getFirstError('username','password')
                            autocomplete=dvcByIdNumber?then("off", "username") value=login.username!'' />
                        <@field.password name="password" label=msg("password") error="" forgotPassword=realm.resetPasswordAllowed autocomplete="current-password">
                            <#if realm.rememberMe>
                                <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                            </#if>
                        </@field.password>
                    <#else>
                        <@field.password name="password" label=msg("password") forgotPassword=realm.resetPasswordAllowed autofocus=true autocomplete="current-password"/>
                    </#if>

                    <#if vneidCaptcha??>
                        <div id="vneid-captcha" class="${properties.kcFormGroupClass!} dvc-captcha">
                            <div class="${properties.kcFormGroupLabelClass!}">
                                <label for="captcha" class="${properties.kcFormLabelClass!}">
                                    <span class="${properties.kcFormLabelTextClass!}">${msg("vneidCaptchaLabel")}</span>
                                    <span class="${properties.kcInputRequiredClass!}" aria-hidden="true">&#42;</span>
                                </label>
                            </div>
                            <p id="vneid-captcha-help" class="dvc-captcha__help">${msg("vneidCaptchaHelp")}</p>
                            <div class="dvc-captcha__row">
                                <img id="vneid-captcha-image" class="dvc-captcha__image" src="${vneidCaptcha.image}"
                                     width="${vneidCaptcha.width?c}" height="${vneidCaptcha.height?c}" alt="${msg("vneidCaptchaImageAlt")}"/>
                                <button id="vneid-captcha-reload" class="${properties.kcButtonLinkClass!}" type="submit"
                                        name="captchaReload" value="true" formnovalidate>${msg("vneidCaptchaReload")}</button>
                            </div>
                            <span class="${properties.kcInputClass!}<#if messagesPerField.existsError('captcha')> ${properties.kcError!}</#if>">
                                <input id="captcha" name="captcha" type="text" autocomplete="off" autocapitalize="off" spellcheck="false"
                                       maxlength="12" required aria-required="true" aria-describedby="vneid-captcha-help<#if messagesPerField.existsError('captcha')> input-error-captcha</#if>"
                                       aria-invalid="<#if messagesPerField.existsError('captcha')>true<#else>false</#if>"/>
                            </span>
                            <#if messagesPerField.existsError('captcha')>
                                <div class="${properties.kcFormHelperTextClass!}" aria-live="polite">
                                    <div class="${properties.kcInputHelperTextClass!}">
                                        <div class="${properties.kcInputHelperTextItemClass!} ${properties.kcError!}" id="input-error-captcha">
                                            <span class="${properties.kcInputErrorMessageClass!}">${kcSanitize(messagesPerField.get('captcha'))?no_esc}</span>
                                        </div>
                                    </div>
                                </div>
                            </#if>
                        </div>
                    </#if>

                    <input type="hidden" id="id-hidden-input" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>/>
                    <@buttons.loginButton />
                </form>
                </#if>
            </div>
          </div>
          <p class="dvc-legacy__back"><a href="#dvc-chooser">${msg("dvcBackToChooser")}</a></p>
        </section>
        </#if>
        <@passkeys.conditionalUIData />

        <#if (properties.dvcNotice!'true') == 'true'>
            <#assign decreeDate = (properties.dvcNoticeDecreeDate!'2022-09-05')?date("yyyy-MM-dd")?string("dd/MM/yyyy")>
            <#assign cutoffDate = (properties.dvcNoticeCutoffDate!'2024-07-01')?date("yyyy-MM-dd")?string("dd/MM/yyyy")>
            <section id="dvc-notice" class="dvc-notice" aria-labelledby="dvc-notice-title">
                <h2 id="dvc-notice-title" class="dvc-notice__title">${msg("dvcNoticeTitle")}</h2>
                <p>${msg("dvcNoticeText", decreeDate, cutoffDate)}</p>
                <ol class="dvc-notice__steps">
                    <li><strong>${msg("dvcNoticeStep1Label")}</strong> ${msg("dvcNoticeStep1")}</li>
                    <li><strong>${msg("dvcNoticeStep2Label")}</strong> ${msg("dvcNoticeStep2")}</li>
                </ol>
            </section>
        </#if>
    <#elseif section = "info" >
        <#if realm.password && realm.registrationAllowed && !registrationDisabled??>
            <div id="kc-registration-container">
                <div id="kc-registration">
                    <span>${msg("noAccount")} <a href="${url.registrationUrl}">${msg("doRegister")}</a></span>
                </div>
            </div>
        </#if>
    </#if>

</@layout.registrationLayout>
