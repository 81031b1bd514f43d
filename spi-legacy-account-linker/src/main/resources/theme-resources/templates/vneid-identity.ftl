<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: vneid-identity.ftl -->
    <#if section = "header">
        ${msg("vneidIdentityTitle")}
    <#elseif section = "form">
        <form id="vneid-identity-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#if vneidIdentityChanged?has_content>
                <ul id="vneid-identity-changed" class="vneid-changed-list" aria-label="${msg("vneidIdentityUpdatedFields")}">
                <#list vneidIdentityChanged as label>
                    <li>${msg(label)}</li>
                </#list>
                </ul>
            </#if>
            <table id="vneid-identity" class="pf-v5-c-table pf-m-compact pf-m-grid-md" aria-label="${msg("vneidIdentityTitle")}">
                <tbody>
                <#list vneidIdentityRows as row>
                    <tr data-field="${row.label}">
                        <th scope="row">${msg(row.label)}</th>
                        <td class="vneid-value"><#if row.value?starts_with("${")>${msg(row.value?keep_after("${")?keep_before("}"))}<#else>${row.value}</#if></td>
                        <td class="vneid-verified"><#if row.verified><span title="${msg("vneidIdentityVerified")}" aria-label="${msg("vneidIdentityVerified")}">&#10003;</span><#else><span title="${msg("vneidIdentityNotVerified")}" aria-label="${msg("vneidIdentityNotVerified")}">&#10007;</span></#if></td>
                    </tr>
                </#list>
                </tbody>
            </table>
            <section id="vneid-linked-accounts" aria-labelledby="vneid-linked-accounts-title">
                <h2 id="vneid-linked-accounts-title" class="pf-v5-c-title pf-m-md">${msg("vneidIdentityLinkedTitle")}</h2>
                <#if vneidLinkedAccounts?has_content>
                    <ul class="vneid-linked-list">
                    <#list vneidLinkedAccounts as link>
                        <li class="vneid-linked-account" data-alias="${link.alias}">
                            <p>${msg("vneidIdentityLinkedId", link.id)}</p>
                            <p><#if link.provider?starts_with("${")>${msg(link.provider?keep_after("${")?keep_before("}"))}<#else>${link.provider}</#if></p>
                            <#if link.linkedAt?has_content><p>${msg("vneidIdentityLinkedAt", link.linkedAt)}</p></#if>
                            <#if link.unlinkable>
                                <p id="vneid-unlink-hint-${link?index}">${msg("vneidUnlinkHint")}</p>
                                <button class="${properties.kcButtonSecondaryClass!}" type="submit" form="vneid-unlink-form" name="alias" value="${link.alias}" id="vneid-unlink-${link?index}" aria-describedby="vneid-unlink-hint-${link?index}">${msg("vneidUnlinkButton")}</button>
                            </#if>
                        </li>
                    </#list>
                    </ul>
                <#else>
                    <p id="vneid-linked-none">${msg("vneidIdentityLinkedNone")}</p>
                </#if>
            </section>
            <#if !vneidHasVerifiedCccd>
                <@field.group name="cccd" label=msg("vneidCccdFormCccd") required=true>
                    <span class="${properties.kcInputClass!}">
                        <input id="cccd" name="cccd" type="text" inputmode="numeric" autocomplete="off" maxlength="12" value="${vneidCccd!''}" aria-required="true"/>
                    </span>
                </@field.group>
            </#if>
            <div class="${properties.kcFormGroupClass!}">
                <#-- three buttons, one with a long label: they wrap on a phone rather than leave the card -->
                <div class="${properties.kcFormActionGroupClass!} pf-v5-u-flex-wrap">
                    <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="action" value="back" id="vneid-identity-back">${msg("vneidIdentityBack")}</button>
                    <#if !(vneidIdentityEditing!false)>
                        <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="action" value="edit" id="vneid-identity-edit">${msg("vneidIdentityEdit")}</button>
                    </#if>
                    <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="action" value="refresh" id="vneid-identity-refresh">${msg("vneidIdentityRefresh")}</button>
                </div>
            </div>
        </form>
        <#if vneidIdentityEditing!false>
            <#-- "Sửa": only what the citizen may change; the realm's user profile decides and checks it -->
            <form id="vneid-identity-edit-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate" aria-labelledby="vneid-identity-edit-title">
                <h2 id="vneid-identity-edit-title" class="pf-v5-c-title pf-m-md">${msg("vneidIdentityEditTitle")}</h2>
                <p id="vneid-identity-edit-hint">${msg("vneidIdentityEditHint")}</p>
                <@field.group name="email" label=msg("vneidIdentityEmail") error=kcSanitize(messagesPerField.getFirstError('email'))?no_esc>
                    <span class="${properties.kcInputClass!}">
                        <input id="email" name="email" type="email" autocomplete="email" maxlength="254" value="${vneidEditEmail!''}" aria-describedby="vneid-identity-edit-hint"<#if messagesPerField.existsError('email')> aria-invalid="true"</#if>/>
                    </span>
                </@field.group>
                <@field.group name="phone_number" label=msg("vneidIdentityPhone") error=kcSanitize(messagesPerField.getFirstError('phone_number'))?no_esc>
                    <span class="${properties.kcInputClass!}">
                        <input id="phone_number" name="phone_number" type="tel" inputmode="tel" autocomplete="tel" maxlength="20" value="${vneidEditPhone!''}" aria-describedby="vneid-identity-edit-hint"<#if messagesPerField.existsError('phone_number')> aria-invalid="true"</#if>/>
                    </span>
                </@field.group>
                <div class="${properties.kcFormGroupClass!}">
                    <div class="${properties.kcFormActionGroupClass!} pf-v5-u-flex-nowrap">
                        <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="action" value="edit-cancel" id="vneid-identity-edit-cancel">${msg("vneidIdentityEditCancel")}</button>
                        <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="action" value="edit-save" id="vneid-identity-edit-save">${msg("vneidIdentityEditSave")}</button>
                    </div>
                </div>
            </form>
        </#if>
        <#-- its own form, so that Enter in the form above never unlinks -->
        <form id="vneid-unlink-form" action="${url.loginAction}" method="post">
            <input type="hidden" name="action" value="unlink"/>
        </form>
    </#if>
</@layout.registrationLayout>
