package com.miniamazon.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;

/**
 * Jakarta Security's view of the account table: validates email and password (through
 * {@link AccountService#checkLogin}, which also throttles; API calls through {@link AccountService#checkApiCall}) and hands the account's roles to the container as
 * groups. The caller name is the email; services find the account from it.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    private AccountService accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        LoginOutcome outcome = login instanceof ApiCallCredential
                ? accounts.checkApiCall(login.getCaller(), login.getPassword().getValue())
                : accounts.checkLogin(login.getCaller(), login.getPassword().getValue());
        if (outcome.result() != LoginOutcome.Result.ACCEPTED) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(outcome.account().email(), outcome.account().roles());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        // Both: the handler takes a validating store's groups only from a store that also provides groups.
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    /** The roles that came with the validation; no second look-up. */
    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return validationResult.getCallerGroups();
    }
}
