package io.reserva.contacts;

import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Contacts in PostgreSQL: tags as text[], custom field values as jsonb. */
@Repository
class ContactRepository {

    static final String COLUMNS = "id, organization_id, first_name, last_name, email, phone, notes, tags,"
            + " marketing_opt_in, company_id, custom_fields_by_key, visit_count, no_show_count, cancellation_count,"
            + " last_visit_at, created_at, updated_at";

    /** A list travels as a JSON array and becomes text[] in SQL, which binds the same on every driver version. */
    static String textArray(String parameter) {
        return "array(select jsonb_array_elements_text(cast(:" + parameter + " as jsonb)))::text[]";
    }

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<Contact> mapper = this::map;

    ContactRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Contact> find(UUID organizationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from contacts where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query(mapper)
                .optional();
    }

    Map<UUID, List<String>> tagsOf(UUID organizationId, Collection<UUID> ids) {
        Map<UUID, List<String>> tags = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return tags;
        }
        jdbc.sql("select id, tags from contacts where organization_id = :org and id in (:ids)")
                .param("org", organizationId)
                .param("ids", ids)
                .query(rs -> {
                    Array array = rs.getArray("tags");
                    tags.put(
                            rs.getObject("id", UUID.class),
                            array == null ? List.of() : List.of((String[]) array.getArray()));
                });
        return tags;
    }

    /** For a platform key, which may see every organization: the caller checks what it found. */
    Optional<Contact> findInAnyOrganization(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from contacts where id = :id")
                .param("id", id)
                .query(mapper)
                .optional();
    }

    Optional<Contact> findByEmail(UUID organizationId, String email) {
        return jdbc.sql("select " + COLUMNS + " from contacts where organization_id = :org and email = :email")
                .param("org", organizationId)
                .param("email", email)
                .query(mapper)
                .optional();
    }

    Optional<Contact> findByPhone(UUID organizationId, String phone) {
        return jdbc.sql("select " + COLUMNS + " from contacts where organization_id = :org and phone = :phone")
                .param("org", organizationId)
                .param("phone", phone)
                .query(mapper)
                .optional();
    }

    boolean exists(UUID organizationId, UUID id) {
        return jdbc.sql("select exists (select 1 from contacts where organization_id = :org and id = :id)")
                .param("org", organizationId)
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** Lists one organization's contacts; {@code extraCondition} carries filters the query language lacks. */
    Page<Contact> list(ListQuery query, UUID organizationId, String extraCondition, Map<String, Object> extra) {
        Map<String, Object> parameters = new HashMap<>(extra);
        parameters.put("scope_org", organizationId);
        return ListQueries.run(
                jdbc, query, COLUMNS, "contacts", "organization_id = :scope_org" + extraCondition, parameters, mapper);
    }

    void insert(Contact contact) {
        jdbc.sql(insertSql("")).params(parameters(contact)).update();
    }

    /**
     * Inserts unless the email or phone is taken (by a row committed meanwhile, too); false when it was. The
     * unique indexes decide, so two bookings for the same new guest cannot both create one.
     */
    boolean insertIfAbsent(Contact contact) {
        return jdbc.sql(insertSql(" on conflict do nothing"))
                        .params(parameters(contact))
                        .update()
                == 1;
    }

    private static String insertSql(String suffix) {
        return "insert into contacts (" + COLUMNS + ") values (:id, :organization_id, :first_name, :last_name,"
                + " :email, :phone, :notes, " + textArray("tags") + ", :marketing_opt_in, :company_id,"
                + " cast(:custom_fields_by_key as jsonb), :visit_count, :no_show_count, :cancellation_count,"
                + " :last_visit_at, :created_at, :updated_at)" + suffix;
    }

    void update(Contact contact) {
        jdbc.sql("update contacts set first_name = :first_name, last_name = :last_name, email = :email,"
                        + " phone = :phone, notes = :notes, tags = " + textArray("tags") + ","
                        + " marketing_opt_in = :marketing_opt_in, company_id = :company_id,"
                        + " custom_fields_by_key = cast(:custom_fields_by_key as jsonb), updated_at = :updated_at"
                        + " where organization_id = :organization_id and id = :id")
                .params(parameters(contact))
                .update();
    }

    /**
     * Fills in the name, email and phone where the contact has none, never overwriting. An email or phone that
     * another contact has is left out rather than stolen.
     */
    Contact fillIn(
            UUID organizationId, UUID id, String firstName, String lastName, String email, String phone, Instant now) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("org", organizationId);
        parameters.put("id", id);
        parameters.put("first_name", firstName);
        parameters.put("last_name", lastName);
        parameters.put("email", email);
        parameters.put("phone", phone);
        parameters.put("now", SqlTypes.timestamptz(now));
        return jdbc.sql("update contacts c set first_name = coalesce(c.first_name, :first_name),"
                        + " last_name = coalesce(c.last_name, :last_name),"
                        + " email = coalesce(c.email, (select cast(:email as text) where not exists"
                        + " (select 1 from contacts o where o.organization_id = :org and o.email = :email))),"
                        + " phone = coalesce(c.phone, (select cast(:phone as text) where not exists"
                        + " (select 1 from contacts o where o.organization_id = :org and o.phone = :phone))),"
                        + " updated_at = :now where c.organization_id = :org and c.id = :id returning " + COLUMNS)
                .params(parameters)
                .query(mapper)
                .single();
    }

    /** Counts one outcome; the contact after the change, or empty when there is no such contact. */
    Optional<Contact> recordOutcome(UUID organizationId, UUID id, VisitOutcome outcome, Instant start, Instant now) {
        String change = switch (outcome) {
            case COMPLETED ->
                "visit_count = visit_count + 1,"
                        + " last_visit_at = greatest(last_visit_at, cast(:start as timestamptz))";
            case NO_SHOW -> "no_show_count = no_show_count + 1";
            case CANCELLED -> "cancellation_count = cancellation_count + 1";
        };
        return jdbc.sql("update contacts set " + change + ", updated_at = :now"
                        + " where organization_id = :org and id = :id returning " + COLUMNS)
                .param("org", organizationId)
                .param("id", id)
                .param("start", SqlTypes.timestamptz(start))
                .param("now", SqlTypes.timestamptz(now))
                .query(mapper)
                .optional();
    }

    /** Unlinks the company from its contacts, returning them as they are now. */
    List<Contact> unlinkCompany(UUID organizationId, UUID companyId, Instant now) {
        return jdbc.sql("update contacts set company_id = null, updated_at = :now"
                        + " where organization_id = :org and company_id = :company returning " + COLUMNS)
                .param("org", organizationId)
                .param("company", companyId)
                .param("now", SqlTypes.timestamptz(now))
                .query(mapper)
                .list();
    }

    void delete(UUID organizationId, UUID id) {
        jdbc.sql("delete from contacts where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .update();
    }

    private Map<String, Object> parameters(Contact c) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", c.id());
        map.put("organization_id", c.organizationId());
        map.put("first_name", c.firstName());
        map.put("last_name", c.lastName());
        map.put("email", c.email());
        map.put("phone", c.phone());
        map.put("notes", c.notes());
        map.put("tags", json.writeValueAsString(c.tags()));
        map.put("marketing_opt_in", c.marketingOptIn());
        map.put("company_id", c.companyId());
        map.put("custom_fields_by_key", json.writeValueAsString(c.customFieldsByKey()));
        map.put("visit_count", c.visitCount());
        map.put("no_show_count", c.noShowCount());
        map.put("cancellation_count", c.cancellationCount());
        map.put("last_visit_at", SqlTypes.timestamptz(c.lastVisitAt()));
        map.put("created_at", SqlTypes.timestamptz(c.createdAt()));
        map.put("updated_at", SqlTypes.timestamptz(c.updatedAt()));
        return map;
    }

    private Contact map(ResultSet rs, int row) throws SQLException {
        Array tags = rs.getArray("tags");
        return new Contact(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("notes"),
                tags == null ? List.of() : List.of((String[]) tags.getArray()),
                rs.getBoolean("marketing_opt_in"),
                rs.getObject("company_id", UUID.class),
                json.readValue(rs.getString("custom_fields_by_key"), MAP),
                rs.getInt("visit_count"),
                rs.getInt("no_show_count"),
                rs.getInt("cancellation_count"),
                SqlTypes.instant(rs, "last_visit_at"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
