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
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@code /companies} endpoints' work: admin and staff keys write, read-only keys read. */
@Service
public class CompanyManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("companies")
            .field("id", "id", FieldType.UUID)
            .field("name", "name", FieldType.STRING)
            .nullableField("domain", "domain", FieldType.STRING)
            .nullableField("phone", "phone", FieldType.STRING)
            .field("created_at", "created_at", FieldType.INSTANT)
            .field("updated_at", "updated_at", FieldType.INSTANT)
            .searchOn("name", "domain")
            .defaultSort("created_at", true)
            .organizationScoped()
            .build();

    private static final int NAME_MAX = 200;

    private final CompanyRepository companies;
    private final ContactRepository contacts;
    private final DealRepository deals;
    private final OrganizationManagement organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CompanyManagement(
            CompanyRepository companies,
            ContactRepository contacts,
            DealRepository deals,
            OrganizationManagement organizations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.companies = companies;
        this.contacts = contacts;
        this.deals = deals;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    public Page<Company> list(Caller caller, ListQuery query) {
        return companies.list(query, caller.organizationFor(query.organizationId()));
    }

    public Company get(Caller caller, UUID id) {
        return (caller.isPlatform() ? companies.findInAnyOrganization(id) : companies.find(caller.organizationId(), id))
                .filter(company -> caller.canSee(company.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Company", id));
    }

    @Transactional
    public Company create(Caller caller, NewCompany request) {
        Organization organization = organizations.get(caller, caller.organizationFor(request.organizationId()));
        ContactRules.requireWriter(caller);
        List<FieldError> errors = new ArrayList<>();
        String name = ContactRules.requiredText(request.name(), "name", NAME_MAX, errors);
        String domain = ContactRules.domain(request.domain(), errors);
        String phone = ContactRules.phone(request.phone(), organization.country(), "phone", errors);
        String notes = ContactRules.optionalText(request.notes(), "notes", ContactRules.NOTES_MAX, errors);
        ReservaException.throwIfAny(errors);
        Instant now = now();
        Company company = new Company(Ids.newId(), organization.id(), name, domain, phone, notes, now, now);
        companies.insert(company);
        return company;
    }

    @Transactional
    public Company update(Caller caller, UUID id, Patch<CompanyChanges> patch) {
        Company current = get(caller, id);
        ContactRules.requireWriter(caller);
        String country = organizations
                .find(current.organizationId())
                .map(Organization::country)
                .orElse(null);
        CompanyChanges sent = patch.values();
        List<FieldError> errors = new ArrayList<>();
        String name =
                patch.has("name") ? ContactRules.requiredText(sent.name(), "name", NAME_MAX, errors) : current.name();
        String domain = patch.has("domain") ? ContactRules.domain(sent.domain(), errors) : current.domain();
        String phone =
                patch.has("phone") ? ContactRules.phone(sent.phone(), country, "phone", errors) : current.phone();
        String notes = patch.has("notes")
                ? ContactRules.optionalText(sent.notes(), "notes", ContactRules.NOTES_MAX, errors)
                : current.notes();
        ReservaException.throwIfAny(errors);
        Company updated =
                new Company(id, current.organizationId(), name, domain, phone, notes, current.createdAt(), now());
        companies.update(updated);
        return updated;
    }

    /** Deletes the company; its contacts and deals stay, without the reference. */
    @Transactional
    public Company delete(Caller caller, UUID id) {
        Company current = get(caller, id);
        ContactRules.requireWriter(caller);
        Instant now = now();
        for (Contact contact : contacts.unlinkCompany(current.organizationId(), id, now)) {
            events.publishEvent(new ContactUpdated(contact, Set.of("company_id")));
        }
        deals.unlink(current.organizationId(), "company_id", id, now);
        companies.delete(current.organizationId(), id);
        return current;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
