package io.reserva.contacts;

import io.reserva.shared.FieldError;
import io.reserva.shared.Ids;
import io.reserva.shared.Patch;
import io.reserva.shared.ReservaException;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@code /deals} endpoints' work: admin and staff keys write, read-only keys read. */
@Service
public class DealManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("deals")
            .field("id", "id", FieldType.UUID)
            .field("name", "name", FieldType.STRING)
            .field("stage", "stage", FieldType.STRING)
            .nullableField("company_id", "company_id", FieldType.UUID)
            .nullableField("contact_id", "contact_id", FieldType.UUID)
            .nullableField("amount", "amount", FieldType.DECIMAL)
            .field("currency", "currency", FieldType.STRING)
            .field("created_at", "created_at", FieldType.INSTANT)
            .field("updated_at", "updated_at", FieldType.INSTANT)
            .searchOn("name", "stage")
            .defaultSort("created_at", true)
            .organizationScoped()
            .build();

    private static final int NAME_MAX = 200;
    private static final int STAGE_MAX = 50;

    private final DealRepository deals;
    private final CompanyRepository companies;
    private final ContactRepository contacts;
    private final OrganizationManagement organizations;
    private final Clock clock;

    DealManagement(
            DealRepository deals,
            CompanyRepository companies,
            ContactRepository contacts,
            OrganizationManagement organizations,
            Clock clock) {
        this.deals = deals;
        this.companies = companies;
        this.contacts = contacts;
        this.organizations = organizations;
        this.clock = clock;
    }

    public Page<Deal> list(Caller caller, ListQuery query) {
        return deals.list(query, caller.organizationFor(query.organizationId()));
    }

    public Deal get(Caller caller, UUID id) {
        return (caller.isPlatform() ? deals.findInAnyOrganization(id) : deals.find(caller.organizationId(), id))
                .filter(deal -> caller.canSee(deal.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Deal", id));
    }

    @Transactional
    public Deal create(Caller caller, NewDeal request) {
        Organization organization = organizations.get(caller, caller.organizationFor(request.organizationId()));
        ContactRules.requireWriter(caller);
        List<FieldError> errors = new ArrayList<>();
        String name = ContactRules.requiredText(request.name(), "name", NAME_MAX, errors);
        checkReferences(organization.id(), request.companyId(), request.contactId(), errors);
        BigDecimal amount = ContactRules.amount(request.amount(), errors);
        String currency = ContactRules.currency(request.currency(), organization.currency(), errors);
        String stage = request.stage() == null
                ? "open"
                : ContactRules.requiredText(request.stage(), "stage", STAGE_MAX, errors);
        ReservaException.throwIfAny(errors);
        Instant now = now();
        Deal deal = new Deal(
                Ids.newId(),
                organization.id(),
                name,
                request.companyId(),
                request.contactId(),
                amount,
                currency,
                stage,
                now,
                now);
        deals.insert(deal);
        return deal;
    }

    @Transactional
    public Deal update(Caller caller, UUID id, Patch<DealChanges> patch) {
        Deal current = get(caller, id);
        ContactRules.requireWriter(caller);
        DealChanges sent = patch.values();
        List<FieldError> errors = new ArrayList<>();
        String name =
                patch.has("name") ? ContactRules.requiredText(sent.name(), "name", NAME_MAX, errors) : current.name();
        UUID companyId = patch.valueOr("company_id", sent.companyId(), current.companyId());
        UUID contactId = patch.valueOr("contact_id", sent.contactId(), current.contactId());
        checkReferences(
                current.organizationId(),
                patch.has("company_id") ? companyId : null,
                patch.has("contact_id") ? contactId : null,
                errors);
        BigDecimal amount = patch.has("amount") ? ContactRules.amount(sent.amount(), errors) : current.amount();
        String currency = current.currency();
        if (patch.has("currency")) {
            if (sent.currency() == null) {
                errors.add(new FieldError("currency", "cannot be cleared"));
            } else {
                currency = ContactRules.currency(sent.currency(), current.currency(), errors);
            }
        }
        String stage = patch.has("stage")
                ? ContactRules.requiredText(sent.stage(), "stage", STAGE_MAX, errors)
                : current.stage();
        ReservaException.throwIfAny(errors);
        Deal updated = new Deal(
                id,
                current.organizationId(),
                name,
                companyId,
                contactId,
                amount,
                currency,
                stage,
                current.createdAt(),
                now());
        deals.update(updated);
        return updated;
    }

    @Transactional
    public Deal delete(Caller caller, UUID id) {
        Deal current = get(caller, id);
        ContactRules.requireWriter(caller);
        deals.delete(current.organizationId(), id);
        return current;
    }

    private void checkReferences(UUID organizationId, UUID companyId, UUID contactId, List<FieldError> errors) {
        if (companyId != null && !companies.exists(organizationId, companyId)) {
            errors.add(new FieldError("company_id", "is not a company of this organization"));
        }
        if (contactId != null && !contacts.exists(organizationId, contactId)) {
            errors.add(new FieldError("contact_id", "is not a contact of this organization"));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
