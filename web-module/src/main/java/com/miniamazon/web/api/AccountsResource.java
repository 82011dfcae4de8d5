package com.miniamazon.web.api;

import com.miniamazon.accounts.AccountProfile;
import com.miniamazon.accounts.AccountService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Opening a customer account, and reading one's own. */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AccountsResource {

    @EJB
    private AccountService accounts;

    @POST
    @Operation(summary = "Open a customer account", description = "The same rules as the registration page: "
            + "a valid email not yet registered and a password that passes the store's rules.")
    @APIResponse(responseCode = "201", description = "Opened")
    @APIResponse(responseCode = "422", description = "Refused, with the reason (email taken, weak password, ...)")
    public Response register(@NotNull(message = "a JSON body is required") @Valid Registration registration) {
        AccountProfile profile = accounts.register(registration.email(), registration.displayName(),
                registration.password().toCharArray());
        return Response.status(Response.Status.CREATED).entity(profile).build();
    }

    @GET
    @Path("me")
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Your account")
    public AccountProfile me() {
        return accounts.myProfile();
    }

    /** What opening an account takes. */
    public record Registration(
            @NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters") String email,
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String displayName,
            @NotNull(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String password) {}
}
