<#--
  "Sim ký số" / VNPT SmartCA (vneid-remote-signing-login): three views of one page.
  start: the id number to send the request for; wait: the code shown on the phone too, a countdown, a polite status
  line, the poll of the request's status (every 2 s) that posts the form once the phone approved, and the same form's
  button for a browser without script; refused: the reason and the ways back. Nothing here names the account.
-->
<#import "template.ftl" as layout>
<#global vneidOwnOtherMeans = true>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: vneid-remote-signing.ftl -->
    <#if section = "header">
        <#if (vneidRsView!'start') == 'wait'>${msg("vneidRsWaitTitle")}<#else>${msg("vneidRsTitle", vneidRsLabel!"")}</#if>
    <#elseif section = "form">
        <#assign view = vneidRsView!'start'>
        <#if vneidRsNotice??>
            <div id="vneid-rs-notice" class="${properties.kcAlertClass!} pf-m-info" role="status">
                <p class="${properties.kcAlertTitleClass!} kc-feedback-text">${msg(vneidRsNotice, vneidRsLabel!"")}</p>
            </div>
        </#if>
        <#if view == 'refused'>
            <div id="vneid-rs-refused" class="${properties.kcAlertClass!} pf-m-danger" role="alert">
                <p class="${properties.kcAlertTitleClass!} kc-feedback-text instruction">${msg(vneidRsRefusal, vneidRsLabel!"")}</p>
            </div>
            <form id="vneid-rs-again" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit"
                        name="vneidRs" value="again" id="vneid-rs-try-again">${msg("vneidRsTryAgain")}</button>
            </form>
        <#elseif view == 'wait'>
            <section id="vneid-rs-wait" class="vneid-rs-wait" aria-labelledby="vneid-rs-code-label"
                     data-status-url="${vneidRsStatusUrl}" data-seconds="${vneidRsSeconds?c}"
                     data-msg-ready="${msg("vneidRsConfirmed")}" data-msg-refused="${msg("vneidRsRefusedOnPhone")}"
                     data-msg-expired="${msg("vneidRsTimeUp")}" data-msg-unavailable="${msg("vneidRsStillUnavailable", vneidRsLabel!"")}"
                     data-msg-gone="${msg("vneidRsForeign")}">
                <p id="vneid-rs-code-label" class="vneid-rs-code-label">${msg("vneidRsCodeLabel")}</p>
                <p id="vneid-rs-code" class="vneid-rs-code" aria-describedby="vneid-rs-code-help">${vneidRsCode}</p>
                <p id="vneid-rs-code-help">${msg("vneidRsWaitHelp", vneidRsLabel!"")}</p>
                <p id="vneid-rs-countdown" role="timer">${msg("vneidRsTimeLeft")} <span id="vneid-rs-seconds">${vneidRsSeconds?c}</span> ${msg("vneidRsSeconds")}</p>
                <p id="vneid-rs-status" role="status" aria-live="polite">${msg("vneidRsWaiting")}</p>
                <form id="vneid-rs-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                    <input type="hidden" name="vneidRsHandle" value="${vneidRsHandle}"/>
                    <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit"
                            name="vneidRs" value="finish" id="vneid-rs-finish">${msg("vneidRsIApproved")}</button>
                    <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcMarginTopClass!}" type="submit"
                            name="vneidRs" value="cancel" id="vneid-rs-cancel" formnovalidate>${msg("vneidRsCancel")}</button>
                </form>
            </section>
            <script>
            (function () {
                var box = document.getElementById('vneid-rs-wait');
                var seconds = document.getElementById('vneid-rs-seconds');
                var status = document.getElementById('vneid-rs-status');
                var form = document.getElementById('vneid-rs-form');
                var remaining = parseInt(box.getAttribute('data-seconds'), 10);
                var busy = false, stopped = false;
                function say(key) { status.textContent = box.getAttribute(key); }
                function finish() {
                    if (stopped) { return; }
                    stopped = true;
                    say('data-msg-ready');
                    var action = document.createElement('input');
                    action.type = 'hidden';
                    action.name = 'vneidRs';
                    action.value = 'finish';
                    form.appendChild(action);
                    form.submit();
                }
                function poll() {
                    if (busy || stopped) { return; }
                    busy = true;
                    var request = new XMLHttpRequest();
                    request.open('GET', box.getAttribute('data-status-url'));
                    request.setRequestHeader('Accept', 'application/json');
                    request.onload = function () {
                        busy = false;
                        var answer;
                        try { answer = JSON.parse(request.responseText); } catch (e) { return; }
                        if (answer.status === 'ready' || answer.status === 'refused' || answer.status === 'expired') {
                            finish();
                        } else if (answer.status === 'unavailable') {
                            say('data-msg-unavailable');
                        } else if (answer.status === 'gone') {
                            stopped = true;
                            say('data-msg-gone');
                        }
                    };
                    request.onerror = function () { busy = false; };
                    request.send();
                }
                window.setInterval(function () {
                    if (stopped) { return; }
                    remaining = Math.max(0, remaining - 1);
                    seconds.textContent = remaining;
                    if (remaining === 0) { finish(); }
                }, 1000);
                window.setInterval(poll, 2000);
            })();
            </script>
        <#else>
            <p id="vneid-rs-help">${msg("vneidRsStartHelp", vneidRsLabel!"")}</p>
            <form id="vneid-rs-start" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                <div class="${properties.kcFormGroupClass!}">
                    <label for="vneidRsNumber" class="${properties.kcLabelClass!}">${msg("vneidRsNumberLabel")}</label>
                    <input id="vneidRsNumber" name="vneidRsNumber" type="text" inputmode="numeric" autocomplete="off"
                           class="${properties.kcInputClass!}" maxlength="20" value="${(vneidRsNumber!'')}"
                           aria-invalid="<#if messagesPerField.existsError('vneidRsNumber')>true<#else>false</#if>"
                           <#if messagesPerField.existsError('vneidRsNumber')>aria-describedby="input-error-vneidRsNumber"</#if>/>
                    <#if messagesPerField.existsError('vneidRsNumber')>
                        <span id="input-error-vneidRsNumber" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('vneidRsNumber'))?no_esc}</span>
                    </#if>
                </div>
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit"
                        name="vneidRs" value="send" id="vneid-rs-send">${msg("vneidRsSend")}</button>
            </form>
        </#if>
        <p class="vneid-rs-other"><a id="vneid-rs-other" href="${url.loginRestartFlowUrl}">${msg("vneidRsOtherMeans")}</a></p>
    </#if>
</@layout.registrationLayout>
