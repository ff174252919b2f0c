package io.reserva.tenancy.web;

import io.reserva.shared.Patch;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.NewOrganization;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationChanges;
import io.reserva.tenancy.OrganizationManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/organizations")
@Tag(name = "Organizations", description = "Tenants: one venue or business each")
class OrganizationController {

    private final OrganizationManagement organizations;

    OrganizationController(OrganizationManagement organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    @Operation(summary = "List the organizations this key can see (all of them for a platform key)")
    Page<Organization> list(Caller caller, HttpServletRequest request) {
        return organizations.list(caller, OrganizationManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get an organization")
    Organization get(Caller caller, @PathVariable UUID id) {
        return organizations.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an organization (platform admin keys only)")
    Organization create(Caller caller, @Valid @RequestBody NewOrganization request) {
        return organizations.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change an organization (its admin keys or a platform key); fields left out are kept",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = OrganizationChanges.class))))
    Organization update(Caller caller, @PathVariable UUID id, Patch<OrganizationChanges> patch) {
        return organizations.update(caller, id, patch);
    }
}
