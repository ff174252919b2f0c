package io.reserva.tenancy.web;

import io.reserva.shared.Patch;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.ApiKey;
import io.reserva.tenancy.ApiKeyManagement;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.IssuedApiKey;
import io.reserva.tenancy.NewApiKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api-keys")
@Tag(name = "API keys", description = "Keys of an organization; the secret is shown once, on creation")
class ApiKeyController {

    private final ApiKeyManagement apiKeys;

    ApiKeyController(ApiKeyManagement apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping
    @Operation(summary = "List API keys (admin keys: their organization's; platform keys: all, or organization_id)")
    Page<ApiKey> list(Caller caller, HttpServletRequest request) {
        return apiKeys.list(caller, ApiKeyManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get an API key (never its secret)")
    ApiKey get(Caller caller, @PathVariable UUID id) {
        return apiKeys.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API key; the response is the only time the secret is shown")
    IssuedApiKey create(Caller caller, @Valid @RequestBody NewApiKey request) {
        return apiKeys.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Rename an API key",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = ApiKeyChanges.class))))
    ApiKey rename(Caller caller, @PathVariable UUID id, Patch<ApiKeyChanges> patch) {
        return patch.has("name") ? apiKeys.rename(caller, id, patch.values().name()) : apiKeys.get(caller, id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API key at once; it is kept, with revoked_at, for the record")
    ApiKey revoke(Caller caller, @PathVariable UUID id) {
        return apiKeys.revoke(caller, id);
    }

    /** The one field of a key that can change. */
    record ApiKeyChanges(@Schema(example = "Bar tablet") String name) {}
}
