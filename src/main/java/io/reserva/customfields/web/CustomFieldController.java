package io.reserva.customfields.web;

import io.reserva.customfields.CustomField;
import io.reserva.customfields.CustomFieldChanges;
import io.reserva.customfields.CustomFieldManagement;
import io.reserva.customfields.NewCustomField;
import io.reserva.shared.Patch;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
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
@RequestMapping("/custom-fields")
@Tag(
        name = "Custom fields",
        description = "Extra fields of reservations and contacts; values go in custom_fields_by_key by key")
class CustomFieldController {

    private final CustomFieldManagement customFields;

    CustomFieldController(CustomFieldManagement customFields) {
        this.customFields = customFields;
    }

    @GetMapping
    @Operation(summary = "List custom field definitions, e.g. entity_type=reservation&$sort[position]=1")
    Page<CustomField> list(Caller caller, HttpServletRequest request) {
        return customFields.list(caller, CustomFieldManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a custom field definition")
    CustomField get(Caller caller, @PathVariable UUID id) {
        return customFields.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define a custom field (admin keys); a key taken for the same entity type is 409")
    CustomField create(Caller caller, @Valid @RequestBody NewCustomField request) {
        return customFields.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change a custom field (admin keys); key and entity_type are fixed",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = CustomFieldChanges.class))))
    CustomField update(Caller caller, @PathVariable UUID id, Patch<CustomFieldChanges> patch) {
        return customFields.update(caller, id, patch);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a custom field (admin keys); values stored under its key stay on their records")
    CustomField delete(Caller caller, @PathVariable UUID id) {
        return customFields.delete(caller, id);
    }
}
