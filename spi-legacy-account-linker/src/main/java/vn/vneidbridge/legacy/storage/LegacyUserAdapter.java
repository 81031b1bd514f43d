package vn.vneidbridge.legacy.storage;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.keycloak.component.ComponentModel;
import org.keycloak.credential.UserCredentialManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.storage.StorageId;
import org.keycloak.storage.adapter.AbstractUserAdapter;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.store.LegacyAccount;

/**
 * A legacy account not imported yet, as the login form sees it: read only, with a federated id
 * ({@code f:<provider>:<legacy id>}). Its password is checked by {@link LegacyUserStorageProvider}, which
 * imports the account only when the check succeeds — a wrong password imports nothing — and from then on
 * resolves this federated id to the imported user. The row's tax code ({@link LegacyTaxCode}) and places
 * ({@link LegacyPlaces}), the attributes that take a read of their own, are each read only when asked for.
 */
final class LegacyUserAdapter extends AbstractUserAdapter {

    private final LegacyAccount account;
    private final String id;
    private final Map<String, List<String>> attributes;
    private final LegacyTaxCode.Column taxCodes;
    private final LegacyPlaces.Column placesOf;
    private LegacyTaxCode taxCode;
    private LegacyPlaces places;
    private Map<String, List<String>> allAttributes;

    LegacyUserAdapter(KeycloakSession session, RealmModel realm, ComponentModel model, LegacyAccount account,
                      LegacyTaxCode.Column taxCodes, LegacyPlaces.Column placesOf) {
        super(session, realm, model);
        this.account = account;
        this.id = new StorageId(model.getId(), account.legacyId()).getId();
        this.attributes = LegacyAccountAttributes.of(account);
        this.taxCodes = taxCodes;
        this.placesOf = placesOf;
    }

    LegacyAccount account() {
        return account;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isEnabled() {
        return account.active();
    }

    @Override
    public String getFirstName() {
        return LegacyAccountAttributes.firstName(account);
    }

    @Override
    public String getLastName() {
        return LegacyAccountAttributes.lastName(account);
    }

    @Override
    public String getEmail() {
        return account.email();
    }

    @Override
    public Map<String, List<String>> getAttributes() {
        if (allAttributes == null) {
            allAttributes = LegacyAccountAttributes.of(account, taxCode(), places());
        }
        return allAttributes;
    }

    @Override
    public String getFirstAttribute(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Stream<String> getAttributeStream(String name) {
        return values(name).stream();
    }

    private List<String> values(String name) {
        if (UserAttributes.TAX_CODE.equals(name)) {
            return taxCode().code().map(code -> List.of(code.value())).orElse(List.of());
        }
        if (LegacyPlaces.ATTRIBUTES.contains(name)) {
            return places().attributes().getOrDefault(name, List.of());
        }
        return attributes.getOrDefault(name, List.of());
    }

    private LegacyTaxCode taxCode() {
        if (taxCode == null) {
            taxCode = LegacyTaxCode.read(account, taxCodes);
        }
        return taxCode;
    }

    private LegacyPlaces places() {
        if (places == null) {
            places = LegacyPlaces.read(account, placesOf);
        }
        return places;
    }

    @Override
    public SubjectCredentialManager credentialManager() {
        return new UserCredentialManager(session, realm, this);
    }
}
