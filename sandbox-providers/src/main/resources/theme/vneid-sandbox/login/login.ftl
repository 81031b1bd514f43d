<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- The stand-in VNeID's login page: id number and password (Keycloak's fields and button, as keycloak.v2), and
     beside them the QR for the "VNeID app" stand-in when the authenticator vneid-sandbox-qr-password-form offers
     one (vneidQrImage). The page polls the QR's status and, once the app confirmed, posts vneid-qr-form. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password'); section>
    <#if section = "header">
        ${msg("loginAccountTitle")}
    <#elseif section = "form">
        <div id="kc-form" class="vneid-sandbox-login<#if vneidQrImage??> vneid-sandbox-login-with-qr</#if>">
          <div id="kc-form-wrapper">
            <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
                <#if !usernameHidden??>
                    <@field.input name="username" label=msg("username") error=messagesPerField.getFirstError('username','password')
                        autofocus=true autocomplete="username" value=login.username!'' />
                </#if>
                <@field.password name="password" label=msg("password") error="" forgotPassword=realm.resetPasswordAllowed autofocus=usernameHidden?? autocomplete="current-password"/>
                <@buttons.loginButton />
            </form>
          </div>
          <#if vneidQrImage??>
            <section id="vneid-qr" class="vneid-sandbox-qr" aria-labelledby="vneid-qr-heading"
                     data-status-url="${vneidQrStatusUrl}" data-renew-url="${vneidQrRenewUrl}" data-expires-in="${vneidQrExpiresIn?c}"
                     data-msg-confirmed="${msg("vneidSandboxQrConfirmedWaiting")}" data-msg-refused="${msg("vneidSandboxQrRefused")}"
                     data-msg-used="${msg("vneidSandboxQrUsed")}" data-msg-renewed="${msg("vneidSandboxQrRenewed")}">
                <h2 id="vneid-qr-heading" class="vneid-sandbox-qr-heading">${msg("vneidSandboxQrHeading")}</h2>
                <img id="vneid-qr-image" class="vneid-sandbox-qr-image" src="${vneidQrImage}" width="246" height="246"
                     alt="${msg("vneidSandboxQrAlt")}" aria-describedby="vneid-qr-instruction vneid-qr-countdown"/>
                <p id="vneid-qr-instruction">${msg("vneidSandboxQrInstruction")}</p>
                <p id="vneid-qr-countdown" role="timer">${msg("vneidSandboxQrValidFor")} <span id="vneid-qr-seconds">${vneidQrExpiresIn?c}</span> ${msg("vneidSandboxQrSeconds")}</p>
                <details class="vneid-sandbox-qr-text">
                    <summary>${msg("vneidSandboxQrTextAlternative")}</summary>
                    <p>${msg("vneidSandboxQrTextAlternativeHelp")}</p>
                    <a id="vneid-qr-url" href="${vneidQrUrl}">${vneidQrUrl}</a>
                </details>
                <p id="vneid-qr-status" role="status" aria-live="polite"></p>
                <button id="vneid-qr-new" type="button" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" hidden>${msg("vneidSandboxQrNew")}</button>
                <form id="vneid-qr-form" action="${url.loginAction}" method="post">
                    <input type="hidden" name="vneid_qr_handle" value="${vneidQrHandle}"/>
                </form>
            </section>
            <script>
            (function () {
                var box = document.getElementById('vneid-qr');
                var seconds = document.getElementById('vneid-qr-seconds');
                var status = document.getElementById('vneid-qr-status');
                var image = document.getElementById('vneid-qr-image');
                var link = document.getElementById('vneid-qr-url');
                var again = document.getElementById('vneid-qr-new');
                var remaining = parseInt(box.getAttribute('data-expires-in'), 10);
                var inApp = false, busy = false, stopped = false, done = false;
                function call(method, url, then) {
                    var request = new XMLHttpRequest();
                    request.open(method, url);
                    request.setRequestHeader('Accept', 'application/json');
                    request.onload = function () {
                        busy = false;
                        if (request.status === 200) { then(JSON.parse(request.responseText)); }
                    };
                    request.onerror = function () { busy = false; };
                    busy = true;
                    request.send();
                }
                function say(key) { status.textContent = box.getAttribute(key); }
                function submit() {
                    if (done) { return; }
                    done = true;
                    say('data-msg-confirmed');
                    document.getElementById('vneid-qr-form').submit();
                }
                function renew() {
                    call('POST', box.getAttribute('data-renew-url'), function (answer) {
                        if (answer.status === 'pending' && answer.url) {
                            image.src = answer.image;
                            link.href = answer.url;
                            link.textContent = answer.url;
                            remaining = answer.expiresIn;
                            seconds.textContent = remaining;
                            inApp = false;
                            stopped = false;
                            again.hidden = true;
                            say('data-msg-renewed');
                        } else if (answer.status === 'confirmed') {
                            submit();
                        } else {
                            window.location.reload();
                        }
                    });
                }
                function stop(key) {
                    stopped = true;
                    say(key);
                    again.hidden = false;
                }
                function poll() {
                    if (busy || stopped || done) { return; }
                    call('GET', box.getAttribute('data-status-url'), function (answer) {
                        inApp = answer.inApp === true;
                        if (answer.status === 'confirmed') { submit(); }
                        else if (answer.status === 'refused') { stop('data-msg-refused'); }
                        else if (answer.status === 'used') { stop('data-msg-used'); }
                        else if (answer.status === 'expired') { renew(); }
                    });
                }
                again.addEventListener('click', function () { renew(); });
                window.setInterval(function () {
                    if (stopped || done) { return; }
                    remaining = Math.max(0, remaining - 1);
                    seconds.textContent = remaining;
                    if (!busy && (remaining === 0 || (remaining <= 10 && !inApp))) { renew(); }
                }, 1000);
                window.setInterval(poll, 2000);
            })();
            </script>
          </#if>
        </div>
    </#if>
</@layout.registrationLayout>
